import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorDto } from '../support/support.responses';

class HistoryClientDto {
  @ApiProperty() ip!: string;
  @ApiProperty() userAgent!: string;
  @ApiPropertyOptional() deviceId?: string;
}

/** One line of `GET /v1/compliance/accounts/{id}/history` (NDJSON: one of these per line). */
export class HistoryLineDto {
  @ApiProperty({ minimum: 0 }) revision!: number;
  @ApiProperty({ description: 'global position in the event store' }) position!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'AccountLocked' }) type!: string;
  @ApiProperty({ minimum: 1, description: 'the shape of data, after upcasting' }) schemaVersion!: number;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: ActorDto }) actor!: ActorDto;
  @ApiPropertyOptional({ type: HistoryClientDto, description: 'decrypted; "[erased]" fields after deletion' }) client?: HistoryClientDto;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the event data; personal fields decrypted or "[erased]"' })
  data!: Record<string, unknown>;
  @ApiProperty() hash!: string;
  @ApiProperty() prevHash!: string;
}
