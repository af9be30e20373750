import type { AccountEvent } from '../account.events';
import type { SessionEndReason } from './sign-in.events';
import { liveSessions } from './sign-in.state';
import type { AccountState } from '../account.state';

/** One SessionRevoked per live session (but the one kept), for facts that end sessions. */
export function endSessions(state: AccountState, now: string, reason: SessionEndReason, keep: string | null = null): AccountEvent[] {
  return liveSessions(state, new Date(now))
    .filter((session) => session.sessionId !== keep)
    .map((session) => ({ type: 'SessionRevoked', data: { sessionId: session.sessionId, reason } }));
}
