import type { EventSchemas } from './area-members';
import { CREDENTIALS_EVENTS, type CredentialsEvent } from './credentials/credentials.events';
import { LIFECYCLE_EVENTS, type LifecycleEvent } from './lifecycle/lifecycle.events';
import { PASSWORDS_EVENTS, type PasswordsEvent } from './passwords/passwords.events';
import { PROFILE_EVENTS, type ProfileEvent } from './profile/profile.events';
import { PROTECTION_EVENTS, type ProtectionEvent } from './protection/protection.events';
import { RECOVERY_EVENTS, type RecoveryEvent } from './recovery/recovery.events';
import { REGISTRATION_EVENTS, type RegistrationEvent } from './registration/registration.events';
import { SIGN_IN_EVENTS, type SignInEvent } from './sign-in/sign-in.events';
import { TWO_FACTOR_EVENTS, type TwoFactorEvent } from './two-factor/two-factor.events';

/**
 * The facts of an account's life, past tense, composed from the areas' own unions (each
 * area's `<area>.events.ts` declares its events and their schemas). `data` holds plain
 * values; personal fields (listed in PERSONAL_FIELDS) are encrypted with the account's data
 * key by the event codec before they reach the store, and read back as "[erased]" once the
 * key is gone. Secrets never appear: only hashes (`passwordHash`, `tokenHash`). The password
 * hash is personal data too (a bcrypt hash outliving its account is an offline-cracking
 * target): encrypted like the other personal fields since schema v2 of the events that carry it.
 */
export type AccountEvent =
  | RegistrationEvent
  | SignInEvent
  | PasswordsEvent
  | ProtectionEvent
  | TwoFactorEvent
  | RecoveryEvent
  | ProfileEvent
  | CredentialsEvent
  | LifecycleEvent;

export type AccountEventType = AccountEvent['type'];

/** Every area's schemas: an area left out here is a compile error (a type would be missing). */
const EVENT_SCHEMAS: EventSchemas<AccountEvent> = {
  ...REGISTRATION_EVENTS,
  ...SIGN_IN_EVENTS,
  ...PASSWORDS_EVENTS,
  ...PROTECTION_EVENTS,
  ...TWO_FACTOR_EVENTS,
  ...RECOVERY_EVENTS,
  ...PROFILE_EVENTS,
  ...CREDENTIALS_EVENTS,
  ...LIFECYCLE_EVENTS,
};

export const ACCOUNT_EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as AccountEventType[];

const eachType = <V>(pick: (type: AccountEventType) => V) =>
  Object.fromEntries(ACCOUNT_EVENT_TYPES.map((type) => [type, pick(type)])) as Record<AccountEventType, V>;

/** Current schema version of each event type; older versions are upcast when read. */
export const SCHEMA_VERSIONS: Record<AccountEventType, number> = eachType((type) => EVENT_SCHEMAS[type].version);

/**
 * Fields of `data` that identify a person; the codec encrypts them (crypto-shredding).
 * Objects (an `origin`) are encrypted whole, as their JSON.
 */
export const PERSONAL_FIELDS: Record<AccountEventType, readonly string[]> = eachType((type) => EVENT_SCHEMAS[type].personal);

export function isAccountEventType(type: string): type is AccountEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_SCHEMAS, type);
}
