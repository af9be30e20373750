import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Revokes an integration credential (works whatever the account's status). Needs nothing from the state but its turn. */
export class RevokeCredentialCommand extends StampedCommand<'RevokeCredential'> {}

export const RevokeCredentialHandler = stampedHandler(RevokeCredentialCommand, 'RevokeCredential');
