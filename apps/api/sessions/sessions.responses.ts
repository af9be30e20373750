import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SessionIntrospectionDto {
  @ApiProperty({ description: 'false for an unknown, revoked, expired or idle token; nothing else is said then' }) active!: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'when active' }) accountId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'when active' }) sessionId?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'when active' }) expiresAt?: string;
}

export class SessionSummaryDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({ type: String, nullable: true }) deviceId!: string | null;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionSummaryDto], description: 'active sessions, newest first' }) sessions!: SessionSummaryDto[];
}

export class RevokedSessionsDto {
  @ApiProperty({ minimum: 0, description: 'sessions ended' }) revoked!: number;
}

export class ActivityEntryDto {
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ example: 'sign_in' }) kind!: string;
  @ApiProperty({ example: 'You signed in.' }) description!: string;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) device!: string | null;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityEntryDto], description: 'newest first' }) entries!: ActivityEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'the next page: send as ?cursor=' }) nextCursor!: string | null;
}
