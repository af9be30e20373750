import type { AccountEvent } from '../account.events';
import type { IssueCredential, RegenerateCredential, RevokeCredential, TouchCredential } from './credentials.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import type { CredentialState } from './credentials.state';

function liveCredential(state: AccountState, credentialId: string): CredentialState {
  if (!state.exists) throw AccountErrors.notFound();
  const credential = state.credentials[credentialId];
  if (!credential) throw AccountErrors.credentialNotFound();
  return credential;
}

export function issueCredential(state: AccountState, command: IssueCredential): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
  const { credentialId, label, prefix, secretHash } = command;
  return [{ type: 'CredentialIssued', data: { credentialId, label, prefix, secretHash } }];
}

/** The old secret stops working in the same append that records the new one. */
export function regenerateCredential(state: AccountState, command: RegenerateCredential): AccountEvent[] {
  liveCredential(state, command.credentialId);
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
  const { credentialId, prefix, secretHash } = command;
  return [{ type: 'CredentialRegenerated', data: { credentialId, prefix, secretHash } }];
}

export function revokeCredential(state: AccountState, command: RevokeCredential): AccountEvent[] {
  liveCredential(state, command.credentialId);
  return [{ type: 'CredentialRevoked', data: { credentialId: command.credentialId, reason: 'owner' } }];
}

/** Records use of a credential (lastUsedAt), at most once per interval. */
export function touchCredential(state: AccountState, command: TouchCredential): AccountEvent[] {
  const credential = state.credentials[command.credentialId];
  if (!credential) return [];
  const due = credential.lastUsedAt === null || Date.parse(command.now) - Date.parse(credential.lastUsedAt) >= command.minIntervalSeconds * 1000;
  return due ? [{ type: 'CredentialUsed', data: { credentialId: command.credentialId } }] : [];
}
