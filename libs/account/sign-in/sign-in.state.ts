import type { AccountState } from '../account.state';
import type { Origin, SignInEvent } from './sign-in.events';

export interface SessionState {
  sessionId: string;
  tokenHash: string;
  startedAt: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
  lastSeenAt: string;
}

/** Sign-in: failures towards a lock, live sessions and the places signed in from. */
export interface SignInState {
  /** Password failures since the last success or unlock, newest last (lock threshold). */
  recentFailures: string[];
  sessions: Record<string, SessionState>;
  knownDevices: string[];
  knownNetworks: string[];
  lastLoginAt: string | null;
}

export const initialSignInState = (): SignInState => ({
  recentFailures: [],
  sessions: {},
  knownDevices: [],
  knownNetworks: [],
  lastLoginAt: null,
});

/** Failures kept for the lock thresholds (password and second factor alike). */
export const KEEP_FAILURES = 50;

function remember(list: string[], value: string): string[] {
  return list.includes(value) ? list : [...list, value].slice(-200);
}

export function rememberOrigin(state: AccountState, origin: Origin | null | string): AccountState {
  // An erased origin reads "[erased]": nothing to remember then.
  if (!origin || typeof origin !== 'object') return state;
  return {
    ...state,
    knownDevices: remember(state.knownDevices, origin.device),
    knownNetworks: remember(state.knownNetworks, origin.network),
  };
}

/** Ending every session is part of several facts (reset, lock…); each is its own event. */
function withoutSession(state: AccountState, sessionId: string): AccountState {
  const { [sessionId]: _ended, ...rest } = state.sessions;
  return { ...state, sessions: rest };
}

/**
 * The sessions still live at `at`. A session that is dead (past its absolute expiry, or
 * idle too long) never comes back: only a live session can be seen again. So the fold
 * drops the dead ones whenever a new session starts; without it an account that logs in
 * every day kept every session it ever had in its state, its cache entry and its
 * snapshots, and each login copied them all.
 */
function stillLive(sessions: Record<string, SessionState>, at: string): Record<string, SessionState> {
  const now = new Date(at);
  const live: Record<string, SessionState> = {};
  for (const [id, session] of Object.entries(sessions)) if (isSessionLive(session, now)) live[id] = session;
  return live;
}

/** The area's cases of the fold; `at` is when the event happened. */
export function evolveSignIn(state: AccountState, event: SignInEvent, at: string): AccountState {
  switch (event.type) {
    case 'LoginFailed':
      return { ...state, recentFailures: [...state.recentFailures, at].slice(-KEEP_FAILURES) };
    case 'LoginSucceeded':
      return { ...state, lastLoginAt: at, recentFailures: [], secondFactorFailures: [], challenges: {} };
    case 'NewDeviceDetected':
      return rememberOrigin(state, event.data.origin);
    case 'SessionStarted':
      return rememberOrigin(
        {
          ...state,
          sessions: {
            ...stillLive(state.sessions, at),
            [event.data.sessionId]: {
              sessionId: event.data.sessionId,
              tokenHash: event.data.tokenHash,
              startedAt: at,
              expiresAt: event.data.expiresAt,
              idleTimeoutSeconds: event.data.idleTimeoutSeconds,
              lastSeenAt: at,
            },
          },
        },
        event.data.origin,
      );
    case 'SessionSeen': {
      const session = state.sessions[event.data.sessionId];
      return session ? { ...state, sessions: { ...state.sessions, [session.sessionId]: { ...session, lastSeenAt: at } } } : state;
    }
    case 'SessionRevoked':
      return withoutSession(state, event.data.sessionId);
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** A session is live until revoked, past its absolute expiry, or idle too long. */
export function isSessionLive(session: SessionState, now: Date): boolean {
  const t = now.getTime();
  const idleDeadline = Date.parse(session.lastSeenAt) + session.idleTimeoutSeconds * 1000;
  return t < Date.parse(session.expiresAt) && t < idleDeadline;
}

export function liveSessions(state: AccountState, now: Date): SessionState[] {
  return Object.values(state.sessions).filter((s) => isSessionLive(s, now));
}
