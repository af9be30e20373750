import type { CommandMetadata } from '../runner/command-metadata';

export class ConfirmEmailCommand {
  constructor(
    readonly token: string,
    readonly meta: CommandMetadata,
  ) {}
}
