import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import type { EventStore } from '../../infrastructure/event-store/event-store.port';
import { WrongExpectedRevisionError } from '../../infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '../../infrastructure/tokens';
import type { EventToAppend, Position, RecordedEvent } from '../../shared/envelope';
import { conflict, type DomainError } from '../../shared/errors';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import type { CommandMetadata } from './command-metadata';

export type ReservationKind = 'email' | 'username';

/**
 * `claimed`: this call appended the claim (false when the account already held the value),
 * so a caller undoing a failed step knows whether the claim is its own to give back.
 */
export type ReservationOutcome =
  | { reserved: true; claimed: boolean }
  | { reserved: false; reason: 'taken'; heldBy: string }
  | { reserved: false; reason: 'locked' };

export type LockOutcome = { locked: true; position?: Position } | { locked: false; heldBy: string };

export type UnlockOutcome = { unlocked: true; position: Position } | { unlocked: false };

/** What the last event of a reservation stream leaves the value as. */
type ValueState = { kind: 'free' } | { kind: 'held'; accountId: string } | { kind: 'locked' };

type ReservationEventType = 'ValueReserved' | 'ValueReleased' | 'ValueLocked' | 'ValueUnlocked';

/**
 * Uniqueness lives in the event store: one stream per value (`email-<mac>`), claimed by
 * appending with expected revision "no stream" (or after the last release). Two racing
 * claims cannot both win, in any process. The stream name is a keyed MAC of the value, so
 * the store never holds the value itself.
 *
 * Support can also lock a value (a username nobody may take): `ValueLocked` on the same
 * stream, with the same optimistic append, so a lock and a claim cannot both win either.
 * Until `ValueUnlocked`, claims are refused with the distinct reason `locked`. The events
 * carry no personal data (no value, no staff note): the stream is never crypto-shredded.
 */
@Injectable()
export class Reservations {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: ServiceKeys,
  ) {}

  streamOf(kind: ReservationKind, normalizedValue: string): string {
    const mac = createHmac('sha256', this.keys.lookupKey).update(`${kind}:${normalizedValue}`).digest('hex');
    return `${kind}-${mac}`;
  }

  /** The account holding the value, or null when it is free or locked by support. */
  async holder(kind: ReservationKind, normalizedValue: string): Promise<string | null> {
    const state = stateAfter(await this.last(this.streamOf(kind, normalizedValue)));
    return state.kind === 'held' ? state.accountId : null;
  }

  async reserve(kind: ReservationKind, value: string, accountId: string, meta: CommandMetadata): Promise<ReservationOutcome> {
    const stream = this.streamOf(kind, value);
    for (;;) {
      const last = await this.last(stream);
      const state = stateAfter(last);
      if (state.kind === 'held') {
        return state.accountId === accountId ? { reserved: true, claimed: false } : { reserved: false, reason: 'taken', heldBy: state.accountId };
      }
      if (state.kind === 'locked') return { reserved: false, reason: 'locked' };
      try {
        await this.append(stream, last, this.event('ValueReserved', { kind, accountId }, meta));
        return { reserved: true, claimed: true };
      } catch (error) {
        // Someone else appended in between: read again and see who holds it now.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  /** Frees the value if (and only if) this account holds it. */
  async release(kind: ReservationKind, value: string, accountId: string, meta: CommandMetadata): Promise<void> {
    const stream = this.streamOf(kind, value);
    for (;;) {
      const last = await this.last(stream);
      const state = stateAfter(last);
      if (state.kind !== 'held' || state.accountId !== accountId) return;
      try {
        await this.append(stream, last, this.event('ValueReleased', { kind, accountId }, meta));
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  /**
   * Keeps a free value from being claimed (support's username lock). Locking a locked value
   * again changes nothing; a value an account holds is not taken from it.
   */
  async lock(kind: ReservationKind, value: string, meta: CommandMetadata): Promise<LockOutcome> {
    const stream = this.streamOf(kind, value);
    for (;;) {
      const last = await this.last(stream);
      const state = stateAfter(last);
      if (state.kind === 'held') return { locked: false, heldBy: state.accountId };
      if (state.kind === 'locked') return { locked: true };
      try {
        const position = await this.append(stream, last, this.event('ValueLocked', { kind }, meta));
        return { locked: true, position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  /** Lifts a lock; `unlocked: false` when the value was not locked. */
  async unlock(kind: ReservationKind, value: string, meta: CommandMetadata): Promise<UnlockOutcome> {
    const stream = this.streamOf(kind, value);
    for (;;) {
      const last = await this.last(stream);
      if (stateAfter(last).kind !== 'locked') return { unlocked: false };
      try {
        return { unlocked: true, position: await this.append(stream, last, this.event('ValueUnlocked', { kind }, meta)) };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  private async last(stream: string): Promise<RecordedEvent | undefined> {
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last;
  }

  /** Appends right after `last` (or to a new stream): a concurrent append makes it fail. */
  private async append(stream: string, last: RecordedEvent | undefined, event: EventToAppend): Promise<Position> {
    const result = await this.store.append(stream, [event], last ? last.revision : 'no_stream');
    return result.position;
  }

  private event(type: ReservationEventType, data: { kind: ReservationKind; accountId?: string }, meta: CommandMetadata): EventToAppend {
    return {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      data: { ...data },
      // No client data here: reservation streams are never crypto-shredded.
      metadata: { correlationId: meta.correlationId, causationId: meta.correlationId, actor: meta.actor },
    };
  }
}

function stateAfter(last: RecordedEvent | undefined): ValueState {
  switch (last?.type) {
    case 'ValueReserved':
      return { kind: 'held', accountId: String(last.data.accountId) };
    case 'ValueLocked':
      return { kind: 'locked' };
    default:
      // No stream yet, ValueReleased or ValueUnlocked.
      return { kind: 'free' };
  }
}

/** The contract's answer to a refused claim: `409 email_taken`, `409 username_taken` or `409 username_locked`. */
export function reservationRefusal(kind: ReservationKind, outcome: Exclude<ReservationOutcome, { reserved: true }>): DomainError {
  if (kind === 'email') return conflict('email_taken', 'An account with this email already exists.');
  return outcome.reason === 'locked'
    ? conflict('username_locked', 'This username is reserved and cannot be used.')
    : conflict('username_taken', 'This username is taken.');
}
