import type { AccountState } from '../account.state';
import type { CredentialsEvent } from './credentials.events';

export interface CredentialState {
  credentialId: string;
  label: string;
  prefix: string;
  secretHash: string;
  lastUsedAt: string | null;
}

/** Integration credentials. */
export interface CredentialsState {
  /** Live integration credentials only. */
  credentials: Record<string, CredentialState>;
}

export const initialCredentialsState = (): CredentialsState => ({
  credentials: {},
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveCredentials(state: AccountState, event: CredentialsEvent, at: string): AccountState {
  switch (event.type) {
    case 'CredentialIssued':
      return {
        ...state,
        credentials: {
          ...state.credentials,
          [event.data.credentialId]: {
            credentialId: event.data.credentialId,
            label: event.data.label,
            prefix: event.data.prefix,
            secretHash: event.data.secretHash,
            lastUsedAt: null,
          },
        },
      };
    case 'CredentialRegenerated': {
      const credential = state.credentials[event.data.credentialId];
      if (!credential) return state;
      return {
        ...state,
        credentials: { ...state.credentials, [credential.credentialId]: { ...credential, prefix: event.data.prefix, secretHash: event.data.secretHash } },
      };
    }
    case 'CredentialRevoked': {
      const { [event.data.credentialId]: _revoked, ...rest } = state.credentials;
      return { ...state, credentials: rest };
    }
    case 'CredentialUsed': {
      const credential = state.credentials[event.data.credentialId];
      if (!credential) return state;
      return { ...state, credentials: { ...state.credentials, [credential.credentialId]: { ...credential, lastUsedAt: at } } };
    }
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
