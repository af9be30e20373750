import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { AccountStateAsOf, SessionAsOf } from '@warden/application/compliance/account-state-at';

/** `?asOf=` of the compliance queries; parsed (and refused) by the shared parseAsOf. */
export class AsOfQueryDto {
  @ApiPropertyOptional({
    description: 'ISO-8601 instant with a zone (Z or ±hh:mm), or a date (midnight UTC). Default: now (state) / no limit (history)',
    example: '2025-01-31T12:00:00Z',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  asOf?: string;
}

// Response shapes, for the OpenAPI document only: the handlers return the plain interfaces.

class LockDto {
  @ApiProperty({ enum: ['unusual_activity', 'manual'] }) reason!: string;
  @ApiProperty() since!: string;
}

class SuspensionDto {
  @ApiProperty() reason!: string;
  @ApiProperty() policyRef!: string;
  @ApiProperty() since!: string;
}

class DeletionDto {
  @ApiProperty({ description: 'when the scheduled deletion takes effect' }) executeAt!: string;
}

class SessionAsOfDto implements SessionAsOf {
  @ApiProperty() sessionId!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty() lastSeenAt!: string;
}

export class AccountStateAsOfDto implements AccountStateAsOf {
  @ApiProperty() accountId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'active' }) status!: string | null;
  @ApiProperty({ description: 'decrypted; "[erased]" after crypto-shredding' }) email!: string;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;
  @ApiProperty() displayName!: string;
  @ApiProperty() emailVerified!: boolean;
  @ApiProperty() totpEnabled!: boolean;
  @ApiProperty() passwordDisabled!: boolean;
  @ApiProperty({ type: LockDto, nullable: true }) lock!: LockDto | null;
  @ApiProperty({ type: SuspensionDto, nullable: true }) suspension!: SuspensionDto | null;
  @ApiProperty({ type: DeletionDto, nullable: true }) deletion!: DeletionDto | null;
  @ApiProperty({ type: [SessionAsOfDto], description: 'sessions live at asOf (not revoked, not expired, not idle)' })
  sessions!: SessionAsOfDto[];
  @ApiProperty({ nullable: true, type: String }) lastLoginAt!: string | null;
  @ApiProperty({ description: 'the instant looked at' }) asOf!: string;
  @ApiProperty({ description: 'revision of the last event folded in' }) revision!: number;
}

class ChainBreakDto {
  @ApiProperty({ description: 'revision where the chain breaks (where a removed event was expected)' }) revision!: number;
  @ApiProperty() eventId!: string;
  @ApiProperty({ enum: ['stream_mismatch', 'revision_gap', 'prev_hash_mismatch', 'hash_mismatch'] }) reason!: string;
}

export class IntegrityReportDto {
  @ApiProperty() valid!: boolean;
  @ApiPropertyOptional({ description: 'when valid: number of events verified' }) events?: number;
  @ApiPropertyOptional({ description: 'when valid: hash of the last event' }) headHash?: string;
  @ApiPropertyOptional({ type: ChainBreakDto, description: 'when not valid' }) brokenAt?: ChainBreakDto;
}
