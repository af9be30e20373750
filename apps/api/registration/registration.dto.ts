import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ClientContextDto, ClientContextField } from '../dto/client-context.dto';
import { SingleLineText, TrimmedEmail } from '../dto/text-fields';

export class RegisterAccountDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsEmail()
  @MaxLength(254)
  @TrimmedEmail()
  email!: string;

  @ApiProperty({ description: '8–128 characters, at most 72 UTF-8 bytes; see the password policy' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ example: 'ann' })
  @IsOptional()
  @IsString()
  @Matches(/^[\p{L}\p{N}._-]{3,32}$/u, { message: 'username must be 3–32 letters, digits, dots, dashes or underscores' })
  username?: string;

  @ApiProperty({ example: 'Ann Lee' })
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  displayName!: string;

  @ClientContextField()
  context!: ClientContextDto;
}

export class EmailOnlyDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsString()
  @Length(1, 254)
  @TrimmedEmail()
  email!: string;
}
