import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AccountState } from '@warden/account/account.state';
import type { HolderFact } from '@warden/account/reservation/reservation.commands';
import type { ReservationKind } from '@warden/account/reservation/reservation.events';
import { REGISTRATION_ABANDONED, type RegistrationAbandoned } from '@warden/account/reservation/registration-abandoned';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import { WrongExpectedRevisionError, type EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '@warden/infrastructure/tokens';
import { AccountRepository } from '../runner/account.repository';
import type { CommandMetadata } from '../runner/command-metadata';
import { normalizeEmail, normalizeUsername } from '@warden/account/normalize';

/** What the holder's account stream says about a claim old enough to lapse. */
export interface ClaimHolder {
  fact: Exclude<HolderFact, 'unknown'>;
  /** True when the holder was never registered: its stream must be sealed before the claim is taken over. */
  unregistered: boolean;
}

/**
 * The facts the reservation decider needs about the account holding a value, read from
 * that account's own stream (the source of truth), and the fence that keeps a never-
 * registered account from registering after its claim was taken over.
 */
@Injectable()
export class ClaimHolders {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly repository: AccountRepository,
  ) {}

  async lookUp(kind: ReservationKind, value: string, accountId: string): Promise<ClaimHolder> {
    const [first] = await this.store.readStream(accountStream(accountId), { maxCount: 1 });
    // No stream, or one sealed by an earlier takeover: the registration never happened.
    if (first?.type !== 'AccountRegistered') return { fact: 'does_not_use_value', unregistered: true };
    const { state } = await this.repository.load(accountId);
    return { fact: valueOf(kind, state) === value ? 'uses_value' : 'does_not_use_value', unregistered: false };
  }

  /**
   * Seals the stream of an account that was never registered, so its `AccountRegistered`
   * (appended with expected revision "no stream") fails if its process was only stalled.
   * Idempotent; a WrongExpectedRevisionError means the stream changed since `lookUp`
   * (the registration landed after all, or another takeover sealed it): decide again.
   */
  async seal(accountId: string, now: Date, meta: CommandMetadata): Promise<void> {
    const stream = accountStream(accountId);
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    if (first?.type === REGISTRATION_ABANDONED) return;
    if (first) throw new WrongExpectedRevisionError(stream, 'no_stream', first.revision);
    const event: RegistrationAbandoned = { type: REGISTRATION_ABANDONED, data: { reason: 'claim_lapsed' } };
    await this.store.append(
      stream,
      [
        {
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: 1,
          occurredAt: now.toISOString(),
          data: { ...event.data },
          metadata: { correlationId: meta.correlationId, causationId: meta.correlationId, actor: meta.actor },
        },
      ],
      'no_stream',
    );
  }
}

function valueOf(kind: ReservationKind, state: AccountState): string | null {
  if (!state.exists) return null;
  if (kind === 'email') return normalizeEmail(state.email);
  return state.username === null ? null : normalizeUsername(state.username);
}
