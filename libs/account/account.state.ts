import type { AccountEvent } from './account.events';
import { evolveCredentials, initialCredentialsState, type CredentialsState } from './credentials/credentials.state';
import { isCredentialsEvent } from './credentials/credentials.events';
import { evolveLifecycle, initialLifecycleState, type LifecycleState } from './lifecycle/lifecycle.state';
import { isLifecycleEvent } from './lifecycle/lifecycle.events';
import { evolvePasswords, initialPasswordsState, type PasswordsState } from './passwords/passwords.state';
import { isPasswordsEvent } from './passwords/passwords.events';
import { evolveProfile, initialProfileState, type ProfileState } from './profile/profile.state';
import { isProfileEvent } from './profile/profile.events';
import { evolveProtection, initialProtectionState, type ProtectionState } from './protection/protection.state';
import { isProtectionEvent } from './protection/protection.events';
import { evolveRecovery, initialRecoveryState, type RecoveryState } from './recovery/recovery.state';
import { isRecoveryEvent } from './recovery/recovery.events';
import { evolveRegistration, initialRegistrationState, type RegistrationState } from './registration/registration.state';
import { isRegistrationEvent } from './registration/registration.events';
import { evolveSignIn, initialSignInState, type SignInState } from './sign-in/sign-in.state';
import { isSignInEvent } from './sign-in/sign-in.events';
import { evolveTwoFactor, initialTwoFactorState, type TwoFactorState } from './two-factor/two-factor.state';
import { isTwoFactorEvent } from './two-factor/two-factor.events';

export type AccountStatus =
  | 'pending_verification'
  | 'active'
  | 'locked'
  | 'suspended'
  | 'deletion_scheduled'
  | 'deleted';

/**
 * The write model: only what the deciders need to take their decisions. Each area declares
 * its part (`<area>/<area>.state.ts`); an area's evolve may still set another area's fields
 * (a password reset ends challenges, a deletion ends sessions), so every case sees it whole.
 */
export type AccountState = RegistrationState &
  SignInState &
  PasswordsState &
  ProtectionState &
  TwoFactorState &
  RecoveryState &
  ProfileState &
  CredentialsState &
  LifecycleState;

/** What evolve needs besides the event: when it happened. */
export interface EventContext {
  occurredAt: string;
}

export const initialState = (): AccountState => ({
  ...initialRegistrationState(),
  ...initialSignInState(),
  ...initialPasswordsState(),
  ...initialProtectionState(),
  ...initialTwoFactorState(),
  ...initialRecoveryState(),
  ...initialProfileState(),
  ...initialCredentialsState(),
  ...initialLifecycleState(),
});

/** Routes an event to its area's cases; an area left out leaves `event` not `never`: a compile error. */
export function evolve(state: AccountState, event: AccountEvent, context: EventContext): AccountState {
  const at = context.occurredAt;
  if (isRegistrationEvent(event)) return evolveRegistration(state, event, at);
  if (isSignInEvent(event)) return evolveSignIn(state, event, at);
  if (isPasswordsEvent(event)) return evolvePasswords(state, event, at);
  if (isProtectionEvent(event)) return evolveProtection(state, event, at);
  if (isTwoFactorEvent(event)) return evolveTwoFactor(state, event, at);
  if (isRecoveryEvent(event)) return evolveRecovery(state, event, at);
  if (isProfileEvent(event)) return evolveProfile(state, event, at);
  if (isCredentialsEvent(event)) return evolveCredentials(state, event, at);
  if (isLifecycleEvent(event)) return evolveLifecycle(state, event, at);
  const unhandled: never = event;
  return unhandled;
}
