import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIP, IsNotEmptyObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

/** Where an end user's request came from (contract §2); stored encrypted in event metadata. */
export class ClientContextDto {
  @ApiProperty({ example: '203.0.113.7' })
  @IsIP()
  ip!: string;

  @ApiProperty({ example: 'Mozilla/5.0 (X11; Linux x86_64)' })
  @IsString()
  @Length(1, 512)
  userAgent!: string;

  @ApiPropertyOptional({ example: 'd-4f1c' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  deviceId?: string;
}

/** The required `context` field of an end-user command, validated as a whole. */
export function ClientContextField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: ClientContextDto }),
    IsDefined(),
    IsNotEmptyObject(),
    ValidateNested(),
    Type(() => ClientContextDto),
  );
}
