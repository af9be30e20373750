import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACCOUNT_STATUSES } from '../dto/command.responses';

class AccountLockDto {
  @ApiProperty({ enum: ['unusual_activity', 'manual'] }) reason!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

class AccountSuspensionDto {
  @ApiProperty() reason!: string;
  @ApiProperty() policyRef!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

/** Contract §3.2's AccountView. */
export class AccountViewDto {
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ description: '"[erased]" after deletion' }) email!: string;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ACCOUNT_STATUSES }) status!: string;
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty() passwordDisabled!: boolean;
  @ApiProperty({ type: AccountLockDto, nullable: true }) lock!: AccountLockDto | null;
  @ApiProperty({ type: AccountSuspensionDto, nullable: true }) suspension!: AccountSuspensionDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
  @ApiProperty({ minimum: 0 }) failedLoginCount!: number;
  @ApiProperty({ minimum: 0 }) activeSessionCount!: number;
  @ApiProperty({ format: 'date-time' }) passwordChangedAt!: string;
}

export class AccountListDto {
  @ApiProperty({ type: [AccountViewDto] }) accounts!: AccountViewDto[];
}

/** Who caused an event (contract §4). */
export class ActorDto {
  @ApiProperty({ enum: ['service', 'support', 'compliance', 'system'] }) type!: string;
  @ApiProperty({ description: 'API key name, staff id or job' }) id!: string;
  @ApiPropertyOptional() onBehalfOf?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'LoginFailed' }) type!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty() correlationId!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'newest first' }) entries!: AuditEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'the next page: send as ?cursor=' }) nextCursor!: string | null;
}
