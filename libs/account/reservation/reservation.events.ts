/**
 * The events of a value's reservation stream (`email-<mac>`, `username-<mac>`). They carry
 * no personal data (neither the value nor a staff note): the stream is never crypto-shredded.
 */
export type ReservationKind = 'email' | 'username';

/** The account claimed the value; it holds it until released, or until the claim lapses. */
export interface ValueReserved {
  type: 'ValueReserved';
  data: { kind: ReservationKind; accountId: string };
}

/** The holder gave the value up (a change of it, an erasure, a failed registration). */
export interface ValueReleased {
  type: 'ValueReleased';
  data: { kind: ReservationKind; accountId: string };
}

/**
 * The account that claimed the value never came to use it (a crash between the claim and
 * the account's own append), and the claim is older than the takeover time: it lapsed.
 * Always appended together with the claim that replaces it (or the lock).
 */
export interface ClaimLapsed {
  type: 'ClaimLapsed';
  data: { kind: ReservationKind; accountId: string };
}

/** Support keeps the value from being claimed (usernames). */
export interface ValueLocked {
  type: 'ValueLocked';
  data: { kind: ReservationKind };
}

export interface ValueUnlocked {
  type: 'ValueUnlocked';
  data: { kind: ReservationKind };
}

export type ReservationEvent = ValueReserved | ValueReleased | ClaimLapsed | ValueLocked | ValueUnlocked;

export type ReservationEventType = ReservationEvent['type'];

export const RESERVATION_SCHEMA_VERSIONS: Record<ReservationEventType, number> = {
  ValueReserved: 1,
  ValueReleased: 1,
  ClaimLapsed: 1,
  ValueLocked: 1,
  ValueUnlocked: 1,
};

export function isReservationEventType(type: string): type is ReservationEventType {
  return Object.prototype.hasOwnProperty.call(RESERVATION_SCHEMA_VERSIONS, type);
}
