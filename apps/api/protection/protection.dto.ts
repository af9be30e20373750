import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { CODE } from '../dto/second-factor-code';

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
