import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmptyObject, IsString, Length, ValidateNested } from 'class-validator';
import { ClientContextDto } from './client-context.dto';

export class LoginDto {
  @ApiProperty({ example: 'ann@example.com' })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 1024)
  password!: string;

  @ApiProperty({ type: ClientContextDto })
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ClientContextDto)
  context!: ClientContextDto;
}

export class SessionTokenDto {
  @ApiProperty()
  @IsString()
  @Length(1, 512)
  sessionToken!: string;
}
