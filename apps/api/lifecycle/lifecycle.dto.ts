import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { ClientContextDto } from '../dto/client-context.dto';
import { MultiLineText, SingleLineText } from '../dto/text-fields';

export class SuspendAccountDto {
  @ApiProperty({ description: 'Why, for staff only: never mailed to the owner', example: 'ticket 5120: repeated spam reports' })
  @IsString()
  @Length(1, 500)
  @MultiLineText()
  reason!: string;

  @ApiProperty({ description: 'The terms or policy clause violated; cited in the mail to the owner', example: 'ToS §4.2' })
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  policyRef!: string;
}

export class ReinstateAccountDto {
  @ApiProperty({ example: 'ticket 5120: reports were mistaken' })
  @IsString()
  @Length(1, 500)
  @MultiLineText()
  reason!: string;
}

export class SubmitAppealDto {
  @ApiProperty({ description: "The owner's case, in their own words", example: 'These posts were not mine: my account was hacked last week.' })
  @IsString()
  @Length(1, 4000)
  @MultiLineText()
  message!: string;

  @ApiPropertyOptional({ type: ClientContextDto, description: 'Where the owner appealed from (contract §2), when the front end knows it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClientContextDto)
  context?: ClientContextDto;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['reinstate', 'uphold'] })
  @IsIn(['reinstate', 'uphold'])
  decision!: 'reinstate' | 'uphold';

  @ApiProperty({ description: 'For staff only: never mailed to the owner' })
  @IsString()
  @Length(1, 2000)
  @MultiLineText()
  note!: string;
}

export class ScheduleDeletionDto {
  @ApiProperty({ example: 'owner asked for erasure (GDPR art. 17)' })
  @IsString()
  @Length(1, 500)
  @MultiLineText()
  reason!: string;

  @ApiProperty({ example: 'SUP-4711' })
  @IsString()
  @Length(1, 100)
  @SingleLineText()
  ticketRef!: string;

  @ApiPropertyOptional({ description: 'Days before the deletion runs; 0 runs it at once', default: 7, minimum: 0, maximum: 365 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  graceDays?: number;
}

export class AppealParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  appealId!: string;
}
