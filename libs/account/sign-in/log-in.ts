import type { AccountEvent } from '../account.events';
import type { LockPolicy, LogIn, NewSession } from './sign-in.commands';
import type { NewToken } from '../issued-token';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { endSessions } from './session-endings';

/**
 * A wrong password is recorded (LoginFailed) and the handler answers it exactly as it
 * answers an unknown email. Reaching the threshold within the window locks the account
 * (unusual activity) in the same append, ends its sessions and issues the ownership link.
 * State-based refusals come only after a correct password, so they tell a stranger nothing.
 * With two-factor authentication, a correct password earns a challenge, not a session.
 */
export function logIn(state: AccountState, command: LogIn): AccountEvent[] {
  if (!state.exists) throw AccountErrors.invalidCredentials();
  if (!command.passwordMatches) return recordFailure(state, command);
  assertMaySignIn(state);
  if (state.totpEnabled) return [{ type: 'SecondFactorChallenged', data: { ...command.challenge } }];
  return startSession(state, command.session);
}

/** Refusals after a correct password (and again at the second step), in this order. */
export function assertMaySignIn(state: AccountState): void {
  if (state.status === 'locked') throw AccountErrors.accountLocked(state);
  if (state.passwordDisabled) throw AccountErrors.passwordDisabled();
  if (state.status === 'suspended') throw AccountErrors.accountSuspended();
  if (!state.emailVerified) throw AccountErrors.emailNotVerified();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);
}

/** A new session, and an alert when it comes from a device or network new to the account. */
export function startSession(state: AccountState, session: NewSession): AccountEvent[] {
  const events: AccountEvent[] = [
    { type: 'SessionStarted', data: { ...session } },
    { type: 'LoginSucceeded', data: { sessionId: session.sessionId } },
  ];
  if (session.origin) {
    const newDevice = !state.knownDevices.includes(session.origin.device);
    const newNetwork = !state.knownNetworks.includes(session.origin.network);
    if (newDevice || newNetwork) {
      events.push({ type: 'NewDeviceDetected', data: { sessionId: session.sessionId, newDevice, newNetwork, origin: session.origin } });
    }
  }
  return events;
}

/** Failures within the window, this one included, reach the threshold. */
export function reachesThreshold(failures: string[], now: string, policy: LockPolicy): boolean {
  const windowStart = Date.parse(now) - policy.windowSeconds * 1000;
  return failures.filter((t) => Date.parse(t) > windowStart).length + 1 >= policy.threshold;
}

/** The unusual-activity lock: ends every session and carries the ownership link. */
export function lockForUnusualActivity(state: AccountState, now: string, ownershipVerification: NewToken): AccountEvent[] {
  return [
    { type: 'AccountLocked', data: { reason: 'unusual_activity', note: null, ownershipVerification } },
    ...endSessions(state, now, 'account_locked'),
  ];
}

function recordFailure(state: AccountState, command: LogIn): AccountEvent[] {
  // Attempts while locked do not count: the lock already stands until ownership is proven.
  if (state.status === 'locked') return [];
  const failed: AccountEvent = { type: 'LoginFailed', data: { reason: 'wrong_password' } };
  if (state.status !== 'active' || !reachesThreshold(state.recentFailures, command.now, command.lockPolicy)) return [failed];
  return [failed, ...lockForUnusualActivity(state, command.now, command.ownershipVerification)];
}
