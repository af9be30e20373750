import type { CommandMetadata } from '../runner/command-metadata';

export class ChangeDisplayNameCommand {
  constructor(
    readonly accountId: string,
    readonly displayName: string,
    readonly meta: CommandMetadata,
  ) {}
}
