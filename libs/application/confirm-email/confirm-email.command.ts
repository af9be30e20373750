import type { CommandMetadata } from '../shared/command-metadata';

export class ConfirmEmailCommand {
  constructor(
    readonly token: string,
    readonly meta: CommandMetadata,
  ) {}
}
