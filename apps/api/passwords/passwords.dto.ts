import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ClientContextDto, ClientContextField } from '../dto/client-context.dto';
import { CODE } from '../dto/second-factor-code';

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ClientContextField()
  context!: ClientContextDto;
}

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
