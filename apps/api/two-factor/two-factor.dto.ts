import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ClientContextDto, ClientContextField } from '../dto/client-context.dto';
import { RECOVERY_CODE, TOTP } from '../dto/second-factor-code';
import { MultiLineText } from '../dto/text-fields';

export class TotpCodeDto {
  @ApiProperty({ description: '6-digit code from the authenticator app' })
  @Matches(TOTP, { message: 'code must be 6 digits' })
  code!: string;
}

/** Identity for changing the second factor: the password and a current code (or a recovery code). */
export class PasswordAndCodeDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  password!: string;

  @ApiProperty({ description: 'a current TOTP code, or a recovery code' })
  @IsString()
  @Matches(/^(\d{6}|[A-Za-z0-9 -]{8,40})$/, { message: 'code must be 6 digits or a recovery code' })
  code!: string;
}

export class AccountRecoveryRequestDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ClientContextField()
  context!: ClientContextDto;
}

export class AccountRecoveryCompleteDto {
  @ApiProperty()
  @IsString()
  @Length(1, 512)
  token!: string;

  @ApiPropertyOptional({ description: 'with recoveryCode: the new password' })
  @IsOptional()
  @IsString()
  @Length(1, 1024)
  newPassword?: string;

  @ApiPropertyOptional({ description: 'with newPassword: an unused recovery code' })
  @IsOptional()
  @Matches(RECOVERY_CODE, { message: 'recoveryCode is not a recovery code' })
  recoveryCode?: string;

  @ApiPropertyOptional({ description: 'without a recovery code: what happened, for support to review' })
  @IsOptional()
  @IsString()
  @Length(10, 4000)
  @MultiLineText()
  statement?: string;
}

export class RecoveryCaseDecisionDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  @MultiLineText()
  note!: string;
}
