import type { AccountEvent, IssuedToken, LockReason, Origin } from './account.events';

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

export type PendingToken = IssuedToken;

export interface ChallengeState {
  challengeId: string;
  tokenHash: string;
  expiresAt: string;
  triesLeft: number;
}

export interface CredentialState {
  credentialId: string;
  label: string;
  prefix: string;
  secretHash: string;
  lastUsedAt: string | null;
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
  passwordDisabled: boolean;
  emailVerified: boolean;
  emailVerification: PendingToken | null;
  /** When verification links were sent, newest last (resend limits). */
  verificationRequestTimes: string[];
  passwordReset: PendingToken | null;
  ownershipVerification: PendingToken | null;
  lock: { reason: LockReason; since: string } | null;
  /** Password failures since the last success or unlock, newest last (lock threshold). */
  recentFailures: string[];
  sessions: Record<string, SessionState>;
  knownDevices: string[];
  knownNetworks: string[];
  lastLoginAt: string | null;
  totpEnabled: boolean;
  /** base32 secrets, decrypted by the codec; "[erased]" after erasure. */
  totpSecret: string | null;
  pendingTotpSecret: string | null;
  /** Highest TOTP time step ever accepted: a code of that step or an earlier one is a replay. */
  lastTotpStep: number;
  /** Hashes of the recovery codes not used yet. */
  recoveryCodes: string[];
  /** Hashes of this set's codes already used (to name a reuse as such in the audit). */
  usedRecoveryCodes: string[];
  challenges: Record<string, ChallengeState>;
  /** Second-factor failures since the last success or unlock, newest last (lock threshold). */
  secondFactorFailures: string[];
  accountRecovery: PendingToken | null;
  recoveryCases: Record<string, 'open' | 'approve' | 'reject'>;
  passwordChangedAt: string;
  /** The password (by its change time) the last age reminder was about. */
  passwordRemindedFor: string | null;
  emailChange: (PendingToken & { newEmail: string }) | null;
  /** Live integration credentials only. */
  credentials: Record<string, CredentialState>;
  suspension: { reason: string; policyRef: string; since: string } | null;
  appeals: Record<string, 'open' | 'reinstate' | 'uphold'>;
  deletion: { executeAt: string; previousStatus: AccountStatus } | null;
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
  passwordDisabled: false,
  emailVerified: false,
  emailVerification: null,
  verificationRequestTimes: [],
  passwordReset: null,
  ownershipVerification: null,
  lock: null,
  recentFailures: [],
  sessions: {},
  knownDevices: [],
  knownNetworks: [],
  lastLoginAt: null,
  totpEnabled: false,
  totpSecret: null,
  pendingTotpSecret: null,
  lastTotpStep: -1,
  recoveryCodes: [],
  usedRecoveryCodes: [],
  challenges: {},
  secondFactorFailures: [],
  accountRecovery: null,
  recoveryCases: {},
  passwordChangedAt: '',
  passwordRemindedFor: null,
  emailChange: null,
  credentials: {},
  suspension: null,
  appeals: {},
  deletion: null,
});

const KEEP_FAILURES = 50;

function remember(list: string[], value: string): string[] {
  return list.includes(value) ? list : [...list, value].slice(-200);
}

function rememberOrigin(state: AccountState, origin: Origin | null | string): AccountState {
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

export function evolve(state: AccountState, event: AccountEvent, context: EventContext): AccountState {
  const at = context.occurredAt;
  switch (event.type) {
    case 'AccountRegistered':
      return rememberOrigin(
        {
          ...state,
          exists: true,
          accountId: event.data.accountId,
          status: 'pending_verification',
          email: event.data.email,
          username: event.data.username,
          displayName: event.data.displayName,
          passwordHash: event.data.passwordHash,
          passwordChangedAt: at,
        },
        event.data.origin,
      );
    case 'EmailVerificationRequested':
      return {
        ...state,
        emailVerification: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt },
        verificationRequestTimes: [...state.verificationRequestTimes, at].slice(-10),
      };
    case 'EmailVerified':
      return {
        ...state,
        emailVerified: true,
        emailVerification: null,
        status: state.status === 'pending_verification' ? 'active' : state.status,
      };
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
            ...state.sessions,
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
    case 'PasswordResetRequested':
      return { ...state, passwordReset: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } };
    case 'PasswordResetCompleted':
      return {
        ...state,
        passwordHash: event.data.passwordHash,
        passwordChangedAt: at,
        passwordReset: null,
        accountRecovery: null,
        passwordDisabled: false,
        recentFailures: [],
        // A challenge earned with the old password must not outlive it; nor its failures.
        challenges: {},
        secondFactorFailures: [],
        // The email-change notice says "reset your password if it wasn't you": that must
        // also void a change someone else requested with the old password.
        emailChange: null,
      };
    case 'PasswordChanged':
      return { ...state, passwordHash: event.data.passwordHash, passwordChangedAt: at, challenges: {} };
    case 'PasswordDisabled':
      return { ...state, passwordDisabled: true };
    case 'AccountLocked':
      return {
        ...state,
        status: 'locked',
        lock: { reason: event.data.reason, since: at },
        ownershipVerification: event.data.ownershipVerification ?? state.ownershipVerification,
      };
    case 'OwnershipVerificationRequested':
      return {
        ...state,
        ownershipVerification: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt },
      };
    case 'OwnershipVerified':
      return { ...state, ownershipVerification: null };
    case 'AccountUnlocked':
      return { ...state, status: 'active', lock: null, recentFailures: [], secondFactorFailures: [] };
    case 'TotpEnrollmentStarted':
      return { ...state, pendingTotpSecret: event.data.secret };
    case 'TotpEnabled':
      return {
        ...state,
        totpEnabled: true,
        totpSecret: state.pendingTotpSecret,
        pendingTotpSecret: null,
        lastTotpStep: Math.max(state.lastTotpStep, event.data.step),
      };
    case 'TotpDisabled':
      return { ...state, totpEnabled: false, totpSecret: null, pendingTotpSecret: null, recoveryCodes: [], usedRecoveryCodes: [], challenges: {} };
    case 'RecoveryCodesIssued':
      return { ...state, recoveryCodes: [...event.data.codeHashes], usedRecoveryCodes: [] };
    case 'RecoveryCodeUsed':
      return {
        ...state,
        recoveryCodes: state.recoveryCodes.filter((hash) => hash !== event.data.codeHash),
        usedRecoveryCodes: [...state.usedRecoveryCodes, event.data.codeHash],
      };
    case 'SecondFactorChallenged':
      return {
        ...state,
        challenges: {
          ...state.challenges,
          [event.data.challengeId]: {
            challengeId: event.data.challengeId,
            tokenHash: event.data.tokenHash,
            expiresAt: event.data.expiresAt,
            triesLeft: event.data.maxTries,
          },
        },
      };
    case 'SecondFactorVerified': {
      const { proof } = event.data;
      return proof.method === 'totp' ? { ...state, lastTotpStep: Math.max(state.lastTotpStep, proof.step) } : state;
    }
    case 'SecondFactorFailed': {
      const challenge = event.data.challengeId ? state.challenges[event.data.challengeId] : undefined;
      return {
        ...state,
        secondFactorFailures: [...state.secondFactorFailures, at].slice(-KEEP_FAILURES),
        challenges: challenge ? { ...state.challenges, [challenge.challengeId]: { ...challenge, triesLeft: challenge.triesLeft - 1 } } : state.challenges,
      };
    }
    case 'AccountRecoveryRequested':
      return { ...state, accountRecovery: { tokenId: event.data.tokenId, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt } };
    case 'RecoveryCaseOpened':
      return { ...state, accountRecovery: null, recoveryCases: { ...state.recoveryCases, [event.data.caseId]: 'open' } };
    case 'RecoveryCaseDecided':
      return { ...state, recoveryCases: { ...state.recoveryCases, [event.data.caseId]: event.data.decision } };
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
    case 'AccountSuspended':
      return { ...state, status: 'suspended', suspension: { reason: event.data.reason, policyRef: event.data.policyRef, since: at } };
    case 'AccountReinstated':
      // A lock that stood before the suspension still stands: reinstatement is no ownership proof.
      return { ...state, status: state.lock ? 'locked' : 'active', suspension: null };
    case 'AppealSubmitted':
      return { ...state, appeals: { ...state.appeals, [event.data.appealId]: 'open' } };
    case 'AppealDecided':
      return { ...state, appeals: { ...state.appeals, [event.data.appealId]: event.data.decision } };
    case 'AccountDeletionScheduled':
      return {
        ...state,
        status: 'deletion_scheduled',
        deletion: { executeAt: event.data.executeAt, previousStatus: event.data.previousStatus as AccountStatus },
      };
    case 'AccountDeletionCancelled':
      return { ...state, status: event.data.restoredStatus as AccountStatus, deletion: null };
    case 'AccountDeleted':
      return { ...state, status: 'deleted', deletion: null, sessions: {}, credentials: {}, challenges: {} };
    case 'PasswordAgeReminded':
      return { ...state, passwordRemindedFor: event.data.passwordChangedAt };
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
