import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ClientContextDto, ClientContextField } from './client-context.dto';

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

export class SessionTokenDto {
  @ApiProperty()
  @IsString()
  @Length(1, 512)
  sessionToken!: string;
}
