import type { CommandMetadata } from '../shared/command-metadata';

export class LogInCommand {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly meta: CommandMetadata,
  ) {}
}
