import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class CaseIdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  caseId!: string;
}
