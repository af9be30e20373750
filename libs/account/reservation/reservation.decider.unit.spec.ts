import { DeciderSpecification } from '@warden/shared/testing/decider-spec';
import type { ClaimValue, HolderFact, LockValue } from './reservation.commands';
import { reservationDecider } from './reservation.decider';
import type { ReservationEvent, ReservationKind } from './reservation.events';

const ANN = 'ann-account';
const BOB = 'bob-account';
const T0 = '2026-01-01T00:00:00.000Z';
/** Seconds after T0, as an instant. */
const after = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();
const TAKEOVER = 60;

const spec = DeciderSpecification(reservationDecider, T0);

const reserved = (accountId: string, kind: ReservationKind = 'email'): ReservationEvent => ({ type: 'ValueReserved', data: { kind, accountId } });
const released = (accountId: string, kind: ReservationKind = 'email'): ReservationEvent => ({ type: 'ValueReleased', data: { kind, accountId } });
const lapsed = (accountId: string, kind: ReservationKind = 'email'): ReservationEvent => ({ type: 'ClaimLapsed', data: { kind, accountId } });
const locked: ReservationEvent = { type: 'ValueLocked', data: { kind: 'username' } };
const unlocked: ReservationEvent = { type: 'ValueUnlocked', data: { kind: 'username' } };

const claim = (accountId: string, options: { at?: number; holder?: HolderFact; kind?: ReservationKind } = {}): ClaimValue => ({
  type: 'ClaimValue',
  kind: options.kind ?? 'email',
  accountId,
  now: after(options.at ?? 0),
  takeoverAfterSeconds: TAKEOVER,
  holder: options.holder ?? 'unknown',
});
const lock = (options: { at?: number; holder?: HolderFact } = {}): LockValue => ({
  type: 'LockValue',
  kind: 'username',
  now: after(options.at ?? 0),
  takeoverAfterSeconds: TAKEOVER,
  holder: options.holder ?? 'unknown',
});

describe('ClaimValue', () => {
  it('gives a free value to the claiming account', () => {
    spec.given().when(claim(ANN)).then([reserved(ANN)]);
  });

  it('gives a released value to the next account', () => {
    spec.given(reserved(ANN), released(ANN)).when(claim(BOB)).then([reserved(BOB)]);
  });

  it('changes nothing when the holder claims its value again', () => {
    spec.given(reserved(ANN)).when(claim(ANN, { at: 3600 })).thenNothingHappened();
  });

  it('refuses a value another account holds, with the contract code of its kind', () => {
    spec.given(reserved(ANN)).when(claim(BOB)).thenThrows('email_taken');
    spec.given(reserved(ANN, 'username')).when(claim(BOB, { kind: 'username' })).thenThrows('username_taken');
  });

  it('refuses a locked value with its own code, whoever asks', () => {
    spec.given(locked).when(claim(ANN, { kind: 'username' })).thenThrows('username_locked');
    spec.given(locked, unlocked).when(claim(ANN, { kind: 'username' })).then([reserved(ANN, 'username')]);
  });

  describe('a claim whose account never came to use the value', () => {
    it('lapses once it is older than the takeover time: the new claim records the lapse and takes the value in one decision', () => {
      spec
        .given({ event: reserved(ANN), at: T0 })
        .when(claim(BOB, { at: TAKEOVER, holder: 'does_not_use_value' }))
        .then([lapsed(ANN), reserved(BOB)]);
    });

    it('stands while it is younger than the takeover time, whatever the holder', () => {
      spec.given({ event: reserved(ANN), at: T0 }).when(claim(BOB, { at: TAKEOVER - 1, holder: 'does_not_use_value' })).thenThrows('email_taken');
    });

    it('stands for good when its account uses the value, or when nobody looked', () => {
      spec.given({ event: reserved(ANN), at: T0 }).when(claim(BOB, { at: 10 * TAKEOVER, holder: 'uses_value' })).thenThrows('email_taken');
      spec.given({ event: reserved(ANN), at: T0 }).when(claim(BOB, { at: 10 * TAKEOVER, holder: 'unknown' })).thenThrows('email_taken');
    });

    it('is timed from the claim itself, not from older events of the stream', () => {
      spec
        .given({ event: reserved(BOB), at: T0 }, { event: released(BOB), at: after(1) }, { event: reserved(ANN), at: after(TAKEOVER) })
        .when(claim(BOB, { at: TAKEOVER + 1, holder: 'does_not_use_value' }))
        .thenThrows('email_taken');
    });

    it('frees a username for a support lock the same way', () => {
      spec
        .given({ event: reserved(ANN, 'username'), at: T0 })
        .when(lock({ at: TAKEOVER, holder: 'does_not_use_value' }))
        .then([lapsed(ANN, 'username'), locked]);
    });
  });
});

describe('ReleaseValue', () => {
  it('frees the value for its holder only', () => {
    spec.given(reserved(ANN)).when({ type: 'ReleaseValue', kind: 'email', accountId: ANN }).then([released(ANN)]);
    spec.given(reserved(ANN)).when({ type: 'ReleaseValue', kind: 'email', accountId: BOB }).thenNothingHappened();
  });

  it('changes nothing on a free, lapsed or locked value', () => {
    spec.given().when({ type: 'ReleaseValue', kind: 'email', accountId: ANN }).thenNothingHappened();
    spec.given(reserved(ANN), lapsed(ANN), reserved(BOB)).when({ type: 'ReleaseValue', kind: 'email', accountId: ANN }).thenNothingHappened();
    spec.given(locked).when({ type: 'ReleaseValue', kind: 'username', accountId: ANN }).thenNothingHappened();
  });
});

describe('LockValue and UnlockValue', () => {
  it('locks a free value, and a locked one again without a second event', () => {
    spec.given().when(lock()).then([locked]);
    spec.given(locked).when(lock()).thenNothingHappened();
  });

  it('does not take a username from an account that uses it', () => {
    spec.given(reserved(ANN, 'username')).when(lock({ at: 10 * TAKEOVER, holder: 'uses_value' })).thenThrows('username_taken');
  });

  it('unlocks only a locked value', () => {
    spec.given(locked).when({ type: 'UnlockValue', kind: 'username' }).then([unlocked]);
    spec.given(locked, unlocked).when({ type: 'UnlockValue', kind: 'username' }).thenThrows('username_not_locked');
    spec.given().when({ type: 'UnlockValue', kind: 'username' }).thenThrows('username_not_locked');
  });
});
