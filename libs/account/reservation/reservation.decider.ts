import { conflict, notFound, type DomainError } from '@warden/shared/errors';
import type { ClaimValue, LockValue, ReservationCommand } from './reservation.commands';
import type { ClaimLapsed, ReservationEvent, ReservationKind } from './reservation.events';
import { evolveReservation, initialReservationState, type ReservationState } from './reservation.state';

/**
 * decide(command, state) → events for one value's reservation stream. A claim goes to the
 * first account; the holder claiming again changes nothing. A claim held by an account that
 * does not use the value (the account was never registered, or moved to another value and
 * crashed before releasing this one) lapses once it is older than the takeover time: the
 * next claim (or lock) records `ClaimLapsed` and takes the value in the same append.
 */
export function decideReservation(command: ReservationCommand, state: ReservationState): ReservationEvent[] {
  switch (command.type) {
    case 'ClaimValue':
      return claim(state, command);
    case 'ReleaseValue':
      return state.status === 'held' && state.accountId === command.accountId
        ? [{ type: 'ValueReleased', data: { kind: command.kind, accountId: command.accountId } }]
        : [];
    case 'LockValue':
      return lock(state, command);
    case 'UnlockValue':
      if (state.status !== 'locked') throw notFound('username_not_locked', 'This username is not locked.');
      return [{ type: 'ValueUnlocked', data: { kind: command.kind } }];
    default: {
      const never: never = command;
      return never;
    }
  }
}

function claim(state: ReservationState, command: ClaimValue): ReservationEvent[] {
  const { kind, accountId } = command;
  if (state.status === 'locked') throw reservationRefusal(kind, 'locked');
  if (state.status === 'held' && state.accountId === accountId) return [];
  const lapsed = state.status === 'held' ? lapse(state, command) : [];
  return [...lapsed, { type: 'ValueReserved', data: { kind, accountId } }];
}

function lock(state: ReservationState, command: LockValue): ReservationEvent[] {
  if (state.status === 'locked') return [];
  const lapsed = state.status === 'held' ? lapse(state, command, () => conflict('username_taken', 'An account uses this username; it cannot be locked.')) : [];
  return [...lapsed, { type: 'ValueLocked', data: { kind: command.kind } }];
}

/** The `ClaimLapsed` that frees a held value for the command, or the refusal when the claim stands. */
function lapse(
  state: Extract<ReservationState, { status: 'held' }>,
  command: ClaimValue | LockValue,
  refuse: () => DomainError = () => reservationRefusal(command.kind, 'taken'),
): [ClaimLapsed] {
  if (!claimHasLapsed(state, command)) throw refuse();
  return [{ type: 'ClaimLapsed', data: { kind: command.kind, accountId: state.accountId } }];
}

/** True when a held claim is old enough to lapse: the time it is left to its account (no lookup needed before). */
export function claimMayLapse(state: ReservationState, rule: { now: string; takeoverAfterSeconds: number }): boolean {
  return state.status === 'held' && Date.parse(rule.now) - Date.parse(state.since) >= rule.takeoverAfterSeconds * 1000;
}

function claimHasLapsed(state: ReservationState, command: ClaimValue | LockValue): boolean {
  return claimMayLapse(state, command) && command.holder === 'does_not_use_value';
}

/** The contract's answer to a refused claim: `409 email_taken`, `409 username_taken` or `409 username_locked`. */
export function reservationRefusal(kind: ReservationKind, reason: 'taken' | 'locked'): DomainError {
  if (kind === 'email') return conflict('email_taken', 'An account with this email already exists.');
  return reason === 'locked'
    ? conflict('username_locked', 'This username is reserved and cannot be used.')
    : conflict('username_taken', 'This username is taken.');
}

export const reservationDecider = {
  decide: decideReservation,
  evolve: evolveReservation,
  initialState: initialReservationState,
};
