import type { CommandMetadata } from '../runner/command-metadata';

export class ConfirmEmailChangeCommand {
  constructor(
    readonly token: string,
    readonly meta: CommandMetadata,
  ) {}
}
