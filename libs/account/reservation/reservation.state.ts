import type { ReservationEvent } from './reservation.events';

/** What a value's reservation stream leaves it as. `since`: when the holder's claim was made. */
export type ReservationState =
  | { status: 'free' }
  | { status: 'held'; accountId: string; since: string }
  | { status: 'locked' };

export const initialReservationState = (): ReservationState => ({ status: 'free' });

export function evolveReservation(state: ReservationState, event: ReservationEvent, context: { occurredAt: string }): ReservationState {
  switch (event.type) {
    case 'ValueReserved':
      return { status: 'held', accountId: event.data.accountId, since: context.occurredAt };
    case 'ValueReleased':
    case 'ClaimLapsed':
    case 'ValueUnlocked':
      return { status: 'free' };
    case 'ValueLocked':
      return { status: 'locked' };
    default: {
      const never: never = event;
      return never;
    }
  }
}
