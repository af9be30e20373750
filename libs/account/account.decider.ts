import type { AccountCommand } from './account.commands';
import type { AccountEvent } from './account.events';
import { evolve, initialState, type AccountState, type EventContext } from './account.state';
import { isCredentialsCommand } from './credentials/credentials.commands';
import { decideCredentials } from './credentials/credentials.decider';
import { isLifecycleCommand } from './lifecycle/lifecycle.commands';
import { decideLifecycle } from './lifecycle/lifecycle.decider';
import { isPasswordsCommand } from './passwords/passwords.commands';
import { decidePasswords } from './passwords/passwords.decider';
import { isProfileCommand } from './profile/profile.commands';
import { decideProfile } from './profile/profile.decider';
import { isProtectionCommand } from './protection/protection.commands';
import { decideProtection } from './protection/protection.decider';
import { isRecoveryCommand } from './recovery/recovery.commands';
import { decideRecovery } from './recovery/recovery.decider';
import { isRegistrationCommand } from './registration/registration.commands';
import { decideRegistration } from './registration/registration.decider';
import { isSignInCommand } from './sign-in/sign-in.commands';
import { decideSignIn } from './sign-in/sign-in.decider';
import { isTwoFactorCommand } from './two-factor/two-factor.commands';
import { decideTwoFactor } from './two-factor/two-factor.decider';

/**
 * decide(command, state) → events; refusals are thrown as DomainErrors. Each area decides
 * its own commands (`<area>/<area>.decider.ts`, exhaustive over the area's union); this routes
 * a command to its area, and an area left out leaves `command` not `never`: a compile error.
 */
export function decide(command: AccountCommand, state: AccountState): AccountEvent[] {
  if (isRegistrationCommand(command)) return decideRegistration(state, command);
  if (isSignInCommand(command)) return decideSignIn(state, command);
  if (isPasswordsCommand(command)) return decidePasswords(state, command);
  if (isProtectionCommand(command)) return decideProtection(state, command);
  if (isTwoFactorCommand(command)) return decideTwoFactor(state, command);
  if (isRecoveryCommand(command)) return decideRecovery(state, command);
  if (isProfileCommand(command)) return decideProfile(state, command);
  if (isCredentialsCommand(command)) return decideCredentials(state, command);
  if (isLifecycleCommand(command)) return decideLifecycle(state, command);
  const unhandled: never = command;
  return unhandled;
}

export interface AccountDecider {
  decide: typeof decide;
  evolve: (state: AccountState, event: AccountEvent, context: EventContext) => AccountState;
  initialState: () => AccountState;
}

export const accountDecider: AccountDecider = { decide, evolve, initialState };
