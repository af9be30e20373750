import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class SessionIssuedDto {
  @ApiProperty({ enum: ['session'] }) result!: 'session';
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ description: 'opaque; Warden keeps only its hash' }) sessionToken!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class SecondFactorRequiredDto {
  @ApiProperty({ enum: ['second_factor_required'] }) result!: 'second_factor_required';
  @ApiProperty({ description: 'for POST /v1/logins/second-factor; valid 5 minutes, 5 tries' }) challengeToken!: string;
  @ApiProperty({ type: [String], enum: ['totp', 'recovery_code'] }) methods!: string[];
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

/** `POST /v1/logins`: a session, or a challenge when the account has 2FA (register both DTOs with @ApiExtraModels). */
export const LOGIN_RESULT_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(SessionIssuedDto) }, { $ref: getSchemaPath(SecondFactorRequiredDto) }],
  discriminator: { propertyName: 'result' },
};
