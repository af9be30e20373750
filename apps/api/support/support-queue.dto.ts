import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../dto/page-query.dto';

export class SupportQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'decided'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'decided'])
  status?: 'open' | 'decided';
}

export class RecoveryCaseEntryDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The account\'s current address; "[erased]" after deletion' }) email!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: "The owner's statement" }) statement!: string;
  @ApiProperty({ enum: ['open', 'decided'] }) status!: string;
  @ApiPropertyOptional({ enum: ['approve', 'reject'] }) decision?: string;
}

export class RecoveryCasePageDto {
  @ApiProperty({ type: [RecoveryCaseEntryDto] }) entries!: RecoveryCaseEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class AppealEntryDto {
  @ApiProperty({ format: 'uuid' }) appealId!: string;
  @ApiProperty({ format: 'uuid' }) accountId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The account\'s current address; "[erased]" after deletion' }) email!: string | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ description: "The owner's appeal" }) message!: string;
  @ApiProperty({ enum: ['open', 'decided'] }) status!: string;
  @ApiPropertyOptional({ enum: ['reinstate', 'uphold'] }) decision?: string;
}

export class AppealPageDto {
  @ApiProperty({ type: [AppealEntryDto] }) entries!: AppealEntryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
