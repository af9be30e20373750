import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { ClientContextDto, ClientContextField } from '../dto/client-context.dto';
import { RECOVERY_CODE, TOTP } from '../dto/second-factor-code';

export class LoginDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  password!: string;

  @ClientContextField()
  context!: ClientContextDto;
}


export class SecondFactorDto {
  @ApiProperty()
  @IsString()
  @Length(1, 512)
  challengeToken!: string;

  @ApiPropertyOptional({ description: '6-digit TOTP code (give this or recoveryCode)' })
  @IsOptional()
  @Matches(TOTP, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({ description: 'a single-use recovery code (give this or code)' })
  @IsOptional()
  @Matches(RECOVERY_CODE, { message: 'recoveryCode is not a recovery code' })
  recoveryCode?: string;
}
