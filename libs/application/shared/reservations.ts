import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import type { HolderFact, ReservationCommand } from '@warden/account/reservation/reservation.commands';
import { claimMayLapse, decideReservation } from '@warden/account/reservation/reservation.decider';
import {
  RESERVATION_SCHEMA_VERSIONS,
  isReservationEventType,
  type ReservationEvent,
  type ReservationKind,
} from '@warden/account/reservation/reservation.events';
import { evolveReservation, initialReservationState, type ReservationState } from '@warden/account/reservation/reservation.state';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import type { EventStore, ExpectedRevision } from '@warden/infrastructure/event-store/event-store.port';
import { WrongExpectedRevisionError } from '@warden/infrastructure/event-store/event-store.port';
import { CLOCK, EVENT_STORE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import type { EventToAppend, Position } from '@warden/shared/envelope';
import { ClaimHolders } from './claim-holder';
import type { CommandMetadata } from '../runner/command-metadata';

export type { ReservationKind } from '@warden/account/reservation/reservation.events';

/** What a decision appended: nothing (a no-op), or events at `position`. */
export interface ReservationOutcome {
  events: ReservationEvent[];
  position?: Position;
}

/** The parts of a command the decider needs beyond the kind; time and the holder's fact are filled in here. */
type CommandFor = (rule: { now: string; takeoverAfterSeconds: number; holder: HolderFact }) => ReservationCommand;

/**
 * Uniqueness lives in the event store: one stream per value (`email-<mac>`), whose events
 * the pure reservation decider (libs/account/reservation) decides. This is the thin part
 * around it: load the stream, fold it, look up the holder's account when a claim is old
 * enough to lapse, decide, append after the last event read. Two racing decisions cannot
 * both append, in any process; the loser reads again and decides again.
 *
 * The stream name is a keyed MAC of the value, so the store never holds the value itself.
 * Refusals are the decider's DomainErrors (`409 email_taken`, `username_taken`, `username_locked`,
 * `404 username_not_locked`).
 */
@Injectable()
export class Reservations {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly keys: ServiceKeys,
    private readonly holders: ClaimHolders,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  streamOf(kind: ReservationKind, normalizedValue: string): string {
    const mac = createHmac('sha256', this.keys.lookupKey).update(`${kind}:${normalizedValue}`).digest('hex');
    return `${kind}-${mac}`;
  }

  /** The account holding the value, or null when it is free or locked by support. */
  async holder(kind: ReservationKind, normalizedValue: string): Promise<string | null> {
    const { state } = await this.load(this.streamOf(kind, normalizedValue));
    return state.status === 'held' ? state.accountId : null;
  }

  /** Claims the value for the account; `claimed` is false when the account already held it. */
  async claim(kind: ReservationKind, value: string, accountId: string, meta: CommandMetadata): Promise<{ claimed: boolean }> {
    const { events } = await this.decide(kind, value, (rule) => ({ type: 'ClaimValue', kind, accountId, ...rule }), meta);
    return { claimed: events.some((e) => e.type === 'ValueReserved') };
  }

  /** Frees the value if (and only if) this account holds it. */
  async release(kind: ReservationKind, value: string, accountId: string, meta: CommandMetadata): Promise<void> {
    await this.decide(kind, value, () => ({ type: 'ReleaseValue', kind, accountId }), meta);
  }

  /** Keeps a free value from being claimed (support's username lock); a value an account uses is not taken from it. */
  lock(kind: ReservationKind, value: string, meta: CommandMetadata): Promise<ReservationOutcome> {
    return this.decide(kind, value, (rule) => ({ type: 'LockValue', kind, ...rule }), meta);
  }

  unlock(kind: ReservationKind, value: string, meta: CommandMetadata): Promise<ReservationOutcome> {
    return this.decide(kind, value, () => ({ type: 'UnlockValue', kind }), meta);
  }

  private async decide(kind: ReservationKind, value: string, commandFor: CommandFor, meta: CommandMetadata): Promise<ReservationOutcome> {
    const stream = this.streamOf(kind, value);
    for (;;) {
      const { state, revision } = await this.load(stream);
      const now = this.clock.now();
      const rule = { now: now.toISOString(), takeoverAfterSeconds: this.config.claimTakeoverSeconds };
      const holder = await this.holderOfOldClaim(kind, value, state, commandFor({ ...rule, holder: 'unknown' }));
      const events = decideReservation(commandFor({ ...rule, holder: holder?.fact ?? 'unknown' }), state);
      if (events.length === 0) return { events };
      try {
        const lapsed = events.find((e) => e.type === 'ClaimLapsed');
        // The fence first: once sealed, the lapsed account can never register and use the value.
        if (lapsed && holder?.unregistered) await this.holders.seal(lapsed.data.accountId, now, meta);
        const result = await this.store.append(stream, events.map((e) => this.toAppend(e, now, meta)), revision);
        return { events, position: result.position };
      } catch (error) {
        // Someone else appended in between (here or to the holder's stream): read again and decide again.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  /**
   * The holder's account is read only when another account's claim or a lock meets a claim
   * old enough to lapse: a fresh claim, a release or the holder's own claim read nothing more.
   */
  private async holderOfOldClaim(kind: ReservationKind, value: string, state: ReservationState, command: ReservationCommand) {
    if (state.status !== 'held') return undefined;
    const contested = command.type === 'LockValue' || (command.type === 'ClaimValue' && command.accountId !== state.accountId);
    return contested && claimMayLapse(state, command) ? this.holders.lookUp(kind, value, state.accountId) : undefined;
  }

  private async load(stream: string): Promise<{ state: ReservationState; revision: ExpectedRevision }> {
    const recorded = await this.store.readStream(stream);
    let state = initialReservationState();
    for (const event of recorded) {
      if (!isReservationEventType(event.type)) throw new Error(`not a reservation event: ${event.type} in ${stream}`);
      // The stored data is what toAppend wrote for this type (schema version 1 of each).
      state = evolveReservation(state, { type: event.type, data: event.data } as ReservationEvent, { occurredAt: event.occurredAt });
    }
    const last = recorded[recorded.length - 1];
    return { state, revision: last ? last.revision : 'no_stream' };
  }

  private toAppend(event: ReservationEvent, now: Date, meta: CommandMetadata): EventToAppend {
    return {
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: RESERVATION_SCHEMA_VERSIONS[event.type],
      occurredAt: now.toISOString(),
      data: { ...event.data },
      // No client data here: reservation streams are never crypto-shredded.
      metadata: { correlationId: meta.correlationId, causationId: meta.correlationId, actor: meta.actor },
    };
  }
}
