import type { AccountEvent } from '../account.events';
import type { LogIn } from '../account.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import { endSessions } from './session-endings';

/**
 * A wrong password is recorded (LoginFailed) and the handler answers it exactly as it
 * answers an unknown email. Reaching the threshold within the window locks the account
 * (unusual activity) in the same append, ends its sessions and issues the ownership link.
 * State-based refusals come only after a correct password, so they tell a stranger nothing.
 */
export function logIn(state: AccountState, command: LogIn): AccountEvent[] {
  if (!state.exists) throw AccountErrors.invalidCredentials();
  if (!command.passwordMatches) return recordFailure(state, command);
  if (state.status === 'locked') throw AccountErrors.accountLocked(state);
  if (state.passwordDisabled) throw AccountErrors.passwordDisabled();
  if (state.status === 'suspended') throw AccountErrors.accountSuspended();
  if (!state.emailVerified) throw AccountErrors.emailNotVerified();
  if (state.status !== 'active') throw AccountErrors.invalidState(state);

  const { session } = command;
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

function recordFailure(state: AccountState, command: LogIn): AccountEvent[] {
  // Attempts while locked do not count: the lock already stands until ownership is proven.
  if (state.status === 'locked') return [];
  const windowStart = Date.parse(command.now) - command.lockPolicy.windowSeconds * 1000;
  const inWindow = state.recentFailures.filter((t) => Date.parse(t) > windowStart).length + 1;
  const failed: AccountEvent = { type: 'LoginFailed', data: { reason: 'wrong_password' } };
  if (inWindow < command.lockPolicy.threshold || state.status !== 'active') return [failed];
  return [
    failed,
    {
      type: 'AccountLocked',
      data: { reason: 'unusual_activity', note: null, ownershipVerification: command.ownershipVerification },
    },
    ...endSessions(state, command.now, 'account_locked'),
  ];
}
