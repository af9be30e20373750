import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { MultiLineText } from './text-fields';

export class ReasonDto {
  @ApiProperty({ example: 'ticket 4711: owner reported a stolen laptop' })
  @IsString()
  @Length(1, 500)
  @MultiLineText()
  reason!: string;
}
