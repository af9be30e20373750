import type { CommandMetadata } from '../../shared/command-metadata';

export class ConfirmEmailChangeCommand {
  constructor(
    readonly token: string,
    readonly meta: CommandMetadata,
  ) {}
}
