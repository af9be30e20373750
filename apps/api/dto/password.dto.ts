import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ClientContextDto, ClientContextField } from './client-context.dto';
import { MultiLineText } from './text-fields';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ClientContextField()
  context!: ClientContextDto;
}

/** A TOTP code (6 digits) or a recovery code, when the account has two-factor authentication. */
const CODE = /^[A-Za-z0-9-]{6,32}$/;

export class PasswordResetCompleteDto {
  @ApiProperty()
  @IsString()
  @Length(1, 512)
  token!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  newPassword!: string;

  @ApiPropertyOptional({ description: 'TOTP or recovery code; required when 2FA is on' })
  @IsOptional()
  @IsString()
  @Matches(CODE)
  code?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  currentPassword!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  newPassword!: string;

  @ApiPropertyOptional({ description: 'The session to keep signed in (the one making the change)' })
  @IsOptional()
  @IsUUID()
  keepSessionId?: string;
}

export class OwnershipCompleteDto {
  @ApiProperty()
  @IsString()
  @Length(1, 512)
  token!: string;

  @ApiPropertyOptional({ description: 'TOTP or recovery code; required when 2FA is on' })
  @IsOptional()
  @IsString()
  @Matches(CODE)
  code?: string;
}

export class EmptyDto {}

export class ReasonDto {
  @ApiProperty({ example: 'ticket 4711: owner reported a stolen laptop' })
  @IsString()
  @Length(1, 500)
  @MultiLineText()
  reason!: string;
}

export class KeepSessionDto {
  @ApiProperty()
  @IsUUID()
  keepSessionId!: string;
}
