import type { AccountEvent } from '../account.events';
import type { EndAllSessions, EndOtherSessions, EndSession, TouchSession } from './sign-in.commands';
import { AccountErrors } from '../account.errors';
import { isSessionLive } from './sign-in.state';
import type { AccountState } from '../account.state';
import { endSessions } from './session-endings';

function liveSession(state: AccountState, sessionId: string, now: string) {
  if (!state.exists) throw AccountErrors.notFound();
  const session = state.sessions[sessionId];
  if (!session || !isSessionLive(session, new Date(now))) throw AccountErrors.sessionNotFound();
  return session;
}

export function endSession(state: AccountState, command: EndSession): AccountEvent[] {
  liveSession(state, command.sessionId, command.now);
  return [{ type: 'SessionRevoked', data: { sessionId: command.sessionId, reason: command.reason } }];
}

/** "Log out everywhere else": the session kept must be one of the account's live ones. */
export function endOtherSessions(state: AccountState, command: EndOtherSessions): AccountEvent[] {
  liveSession(state, command.keepSessionId, command.now);
  return endSessions(state, command.now, 'signed_out_elsewhere', command.keepSessionId);
}

export function endAllSessions(state: AccountState, command: EndAllSessions): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  return endSessions(state, command.now, 'revoked_by_support');
}

/** Records use of a session, at most once per interval; an ended session stays ended. */
export function touchSession(state: AccountState, command: TouchSession): AccountEvent[] {
  const session = state.sessions[command.sessionId];
  if (!session || !isSessionLive(session, new Date(command.now))) return [];
  const due = Date.parse(session.lastSeenAt) + command.minIntervalSeconds * 1000;
  return Date.parse(command.now) >= due ? [{ type: 'SessionSeen', data: { sessionId: command.sessionId } }] : [];
}
