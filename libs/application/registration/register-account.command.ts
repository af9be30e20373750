import type { CommandMetadata } from '../runner/command-metadata';

export interface RegisterAccountInput {
  email: string;
  password: string;
  username?: string;
  displayName: string;
}

export class RegisterAccountCommand {
  constructor(
    readonly input: RegisterAccountInput,
    readonly meta: CommandMetadata,
  ) {}
}
