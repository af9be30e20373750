import { isOneOf, type EventSchemas } from '../area-members';

export interface CredentialIssued {
  type: 'CredentialIssued';
  /** An integration API credential: only the secret's hash and its visible prefix are kept. */
  data: { credentialId: string; label: string; prefix: string; secretHash: string };
}

export interface CredentialRegenerated {
  type: 'CredentialRegenerated';
  data: { credentialId: string; prefix: string; secretHash: string };
}

export interface CredentialRevoked {
  type: 'CredentialRevoked';
  data: { credentialId: string; reason: 'owner' | 'account_deleted' };
}

/** The credential was used (introspected); recorded at most every few minutes. */
export interface CredentialUsed {
  type: 'CredentialUsed';
  data: { credentialId: string };
}

export type CredentialsEvent =
  | CredentialIssued
  | CredentialRegenerated
  | CredentialRevoked
  | CredentialUsed;

/** Each event's current schema version and the fields the codec encrypts. */
export const CREDENTIALS_EVENTS: EventSchemas<CredentialsEvent> = {
  CredentialIssued: { version: 1, personal: ['label'] },
  CredentialRegenerated: { version: 1, personal: [] },
  CredentialRevoked: { version: 1, personal: [] },
  CredentialUsed: { version: 1, personal: [] },
};

export const isCredentialsEvent = isOneOf<CredentialsEvent>(CREDENTIALS_EVENTS);
