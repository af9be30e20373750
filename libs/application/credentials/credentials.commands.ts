import type { CommandMetadata } from '../runner/command-metadata';

/** A new integration credential; the answer carries its secret, shown this once. */
export class IssueCredentialCommand {
  constructor(
    readonly accountId: string,
    readonly label: string,
    readonly meta: CommandMetadata,
  ) {}
}

/** A new secret for an existing credential; the old one stops working in the same append. */
export class RegenerateCredentialCommand {
  constructor(
    readonly accountId: string,
    readonly credentialId: string,
    readonly meta: CommandMetadata,
  ) {}
}
