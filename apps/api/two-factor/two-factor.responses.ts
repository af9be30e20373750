import { ApiProperty } from '@nestjs/swagger';

export class TotpEnrollmentDto {
  @ApiProperty({ description: 'base32 TOTP secret, for manual entry' }) secret!: string;
  @ApiProperty({ example: 'otpauth://totp/Warden:ann%40example.com?secret=…&issuer=Warden' }) otpauthUri!: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], minItems: 10, maxItems: 10, description: 'single-use; shown once' }) recoveryCodes!: string[];
}

export class RecoveryCaseOpenedDto {
  @ApiProperty({ format: 'uuid', description: 'the case support will review' }) caseId!: string;
}
