import type { AccountEvent, SessionEndReason } from '../account.events';
import { liveSessions, type AccountState } from '../account.state';

/** One SessionRevoked per live session (but the one kept), for facts that end sessions. */
export function endSessions(state: AccountState, now: string, reason: SessionEndReason, keep: string | null = null): AccountEvent[] {
  return liveSessions(state, new Date(now))
    .filter((session) => session.sessionId !== keep)
    .map((session) => ({ type: 'SessionRevoked', data: { sessionId: session.sessionId, reason } }));
}
