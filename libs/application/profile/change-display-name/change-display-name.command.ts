import type { CommandMetadata } from '../../shared/command-metadata';

export class ChangeDisplayNameCommand {
  constructor(
    readonly accountId: string,
    readonly displayName: string,
    readonly meta: CommandMetadata,
  ) {}
}
