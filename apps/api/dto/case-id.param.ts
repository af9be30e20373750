import { IsUUID } from 'class-validator';

export class CaseIdParam {
  @IsUUID()
  caseId!: string;
}
