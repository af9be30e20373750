import type { AccountEvent } from './account.events';

export type AccountStatus =
  | 'pending_verification'
  | 'active'
  | 'locked'
  | 'suspended'
  | 'deletion_scheduled'
  | 'deleted';

export interface SessionState {
  sessionId: string;
  tokenHash: string;
  startedAt: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
  lastSeenAt: string;
}

export interface PendingToken {
  tokenId: string;
  tokenHash: string;
  expiresAt: string;
}

/** The write model: only what the deciders need to take their decisions. */
export interface AccountState {
  exists: boolean;
  accountId: string;
  status: AccountStatus | null;
  email: string;
  username: string | null;
  displayName: string;
  passwordHash: string;
  emailVerified: boolean;
  emailVerification: PendingToken | null;
  /** When verification links were sent, newest last (resend limits). */
  verificationRequestTimes: string[];
  sessions: Record<string, SessionState>;
  lastLoginAt: string | null;
}

/** What evolve needs besides the event: when it happened. */
export interface EventContext {
  occurredAt: string;
}

export const initialState = (): AccountState => ({
  exists: false,
  accountId: '',
  status: null,
  email: '',
  username: null,
  displayName: '',
  passwordHash: '',
  emailVerified: false,
  emailVerification: null,
  verificationRequestTimes: [],
  sessions: {},
  lastLoginAt: null,
});

export function evolve(state: AccountState, event: AccountEvent, context: EventContext): AccountState {
  switch (event.type) {
    case 'AccountRegistered':
      return {
        ...state,
        exists: true,
        accountId: event.data.accountId,
        status: 'pending_verification',
        email: event.data.email,
        username: event.data.username,
        displayName: event.data.displayName,
        passwordHash: event.data.passwordHash,
      };
    case 'EmailVerificationRequested':
      return {
        ...state,
        emailVerification: {
          tokenId: event.data.tokenId,
          tokenHash: event.data.tokenHash,
          expiresAt: event.data.expiresAt,
        },
        verificationRequestTimes: [...state.verificationRequestTimes, context.occurredAt].slice(-10),
      };
    case 'EmailVerified':
      return {
        ...state,
        emailVerified: true,
        emailVerification: null,
        status: state.status === 'pending_verification' ? 'active' : state.status,
      };
    case 'LoginFailed':
      return state;
    case 'LoginSucceeded':
      return { ...state, lastLoginAt: context.occurredAt };
    case 'SessionStarted':
      return {
        ...state,
        sessions: {
          ...state.sessions,
          [event.data.sessionId]: {
            sessionId: event.data.sessionId,
            tokenHash: event.data.tokenHash,
            startedAt: context.occurredAt,
            expiresAt: event.data.expiresAt,
            idleTimeoutSeconds: event.data.idleTimeoutSeconds,
            lastSeenAt: context.occurredAt,
          },
        },
      };
    case 'SessionRevoked': {
      const { [event.data.sessionId]: _ended, ...rest } = state.sessions;
      return { ...state, sessions: rest };
    }
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
