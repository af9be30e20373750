import type { NewToken } from '../issued-token';
import type { Origin } from './sign-in.events';
import type { SecondFactorCheck } from '../two-factor/two-factor.commands';
import { isOneOf, type TypeSet } from '../area-members';

export interface NewSession {
  sessionId: string;
  tokenHash: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
  origin: Origin | null;
}

export interface LockPolicy {
  /** Password failures within the window that lock the account. */
  threshold: number;
  windowSeconds: number;
}

export interface NewChallenge {
  challengeId: string;
  tokenHash: string;
  expiresAt: string;
  maxTries: number;
}

export interface LogIn {
  type: 'LogIn';
  now: string;
  /** Computed by the handler with bcrypt, in constant time whatever the outcome. */
  passwordMatches: boolean;
  session: NewSession;
  /** Used instead of the session when the account has two-factor authentication. */
  challenge: NewChallenge;
  lockPolicy: LockPolicy;
  /** Used only if this failure locks the account: the alert's ownership link. */
  ownershipVerification: NewToken;
}

/** The second login step: answers a challenge with a TOTP code or a recovery code. */
export interface CompleteSecondFactor {
  type: 'CompleteSecondFactor';
  now: string;
  challengeTokenHash: string;
  secondFactor: SecondFactorCheck;
  session: NewSession;
  /** Second-factor failures after a correct password that lock the account. */
  lockPolicy: LockPolicy;
  ownershipVerification: NewToken;
}

export interface EndSession {
  type: 'EndSession';
  now: string;
  sessionId: string;
  reason: 'logout' | 'revoked_by_owner' | 'revoked_by_support';
}

export interface EndOtherSessions {
  type: 'EndOtherSessions';
  now: string;
  keepSessionId: string;
}

export interface EndAllSessions {
  type: 'EndAllSessions';
  now: string;
}

export interface TouchSession {
  type: 'TouchSession';
  now: string;
  sessionId: string;
  /** lastSeenAt is recorded at most this often, to keep streams short. */
  minIntervalSeconds: number;
}

export type SignInCommand =
  | LogIn
  | CompleteSecondFactor
  | EndSession
  | EndOtherSessions
  | EndAllSessions
  | TouchSession;

const SIGN_IN_COMMANDS: TypeSet<SignInCommand> = {
  LogIn: true,
  CompleteSecondFactor: true,
  EndSession: true,
  EndOtherSessions: true,
  EndAllSessions: true,
  TouchSession: true,
};

export const isSignInCommand = isOneOf<SignInCommand>(SIGN_IN_COMMANDS);
