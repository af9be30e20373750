import type { AccountState } from '../account.state';
import type { PendingToken } from '../issued-token';
import type { ProfileEvent } from './profile.events';

/** A pending change of email address. */
export interface ProfileState {
  emailChange: (PendingToken & { newEmail: string }) | null;
}

export const initialProfileState = (): ProfileState => ({
  emailChange: null,
});

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveProfile(state: AccountState, event: ProfileEvent, _at: string): AccountState {
  switch (event.type) {
    case 'DisplayNameChanged':
      return { ...state, displayName: event.data.displayName };
    case 'UsernameChanged':
      return { ...state, username: event.data.username };
    case 'EmailChangeRequested':
      return {
        ...state,
        emailChange: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt, newEmail: event.data.newEmail },
      };
    case 'EmailChanged':
      return { ...state, email: event.data.email, emailChange: null };
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}
