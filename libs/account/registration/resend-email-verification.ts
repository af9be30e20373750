import type { AccountEvent } from '../account.events';
import type { ResendEmailVerification } from './registration.commands';
import type { AccountState } from '../account.state';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A new link voids the previous one. Beyond the limits, or when there is nothing to verify,
 * nothing happens — silently, so the answer never reveals whether an address is known.
 */
export function resendEmailVerification(state: AccountState, command: ResendEmailVerification): AccountEvent[] {
  if (!state.exists || state.emailVerified || state.status !== 'pending_verification') return [];
  const now = Date.parse(command.now);
  const sentWithin = (window: number) =>
    state.verificationRequestTimes.filter((t) => now - Date.parse(t) < window).length;
  if (sentWithin(MINUTE) >= command.limits.perMinute || sentWithin(DAY) >= command.limits.perDay) return [];
  return [{ type: 'EmailVerificationRequested', data: { ...command.verification, email: state.email } }];
}
