import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsUUID } from 'class-validator';

export class SessionTokenDto {
  @ApiProperty()
  @IsString()
  @Length(1, 512)
  sessionToken!: string;
}


export class KeepSessionDto {
  @ApiProperty()
  @IsUUID()
  keepSessionId!: string;
}
