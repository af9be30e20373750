import type { ReservationKind } from './reservation.events';

/**
 * What the application found out about the account holding the value, when the claim is
 * old enough to lapse: `uses_value` when that account's state has the value (its email, its
 * username), `does_not_use_value` when it has not (never registered, or changed to another
 * value since). Not looked up (`unknown`) while the claim is younger than the takeover time.
 */
export type HolderFact = 'uses_value' | 'does_not_use_value' | 'unknown';

interface TakeoverRule {
  now: string;
  /** How long a claim is left to its account before it may lapse. */
  takeoverAfterSeconds: number;
  holder: HolderFact;
}

export interface ClaimValue extends TakeoverRule {
  type: 'ClaimValue';
  kind: ReservationKind;
  accountId: string;
}

export interface ReleaseValue {
  type: 'ReleaseValue';
  kind: ReservationKind;
  accountId: string;
}

export interface LockValue extends TakeoverRule {
  type: 'LockValue';
  kind: ReservationKind;
}

export interface UnlockValue {
  type: 'UnlockValue';
  kind: ReservationKind;
}

export type ReservationCommand = ClaimValue | ReleaseValue | LockValue | UnlockValue;
