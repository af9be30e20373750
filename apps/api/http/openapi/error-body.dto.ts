import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** The contract's error body (§2), as documented: every 4xx/5xx answer has this shape. */
@ApiSchema({ name: 'ErrorBody', description: 'Every error answer: a stable code, a message for people, details for some codes' })
export class ErrorBodyDto {
  @ApiProperty({ description: 'stable code; each response lists the codes that route answers with that status', example: 'validation_failed' })
  error!: string;

  @ApiProperty({ description: 'for people; never parse it', example: 'The request is invalid.' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'validation_failed: [{field, message}] one per field; weak_password: [{rule}]; invalid_state: {status}; ' +
      'account_locked: {unlock}; password_disabled: {action}; too_many_attempts: {retryAfterSeconds}',
    oneOf: [
      { type: 'array', items: { type: 'object' } },
      { type: 'object' },
    ],
  })
  details?: unknown;
}
