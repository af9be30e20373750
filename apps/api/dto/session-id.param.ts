import { IsUUID } from 'class-validator';

export class SessionIdParams {
  @IsUUID()
  id!: string;

  @IsUUID()
  sessionId!: string;
}
