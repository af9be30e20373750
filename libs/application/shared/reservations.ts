import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomUUID } from 'node:crypto';
import type { EventStore } from '../../infrastructure/event-store/event-store.port';
import { WrongExpectedRevisionError } from '../../infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '../../infrastructure/tokens';
import type { RecordedEvent } from '../../shared/envelope';
import { ServiceKeys } from '../../infrastructure/crypto/service-keys';
import type { CommandMetadata } from './command-metadata';

export type ReservationKind = 'email' | 'username';

export type ReservationOutcome = { reserved: true } | { reserved: false; heldBy: string | null };

/**
 * Uniqueness lives in the event store: one stream per value (`email-<mac>`), claimed by
 * appending with expected revision "no stream" (or after the last release). Two racing
 * claims cannot both win, in any process. The stream name is a keyed MAC of the value, so
 * the store never holds the value itself.
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

  /** The account holding the value, or null when it is free. */
  async holder(kind: ReservationKind, normalizedValue: string): Promise<string | null> {
    const [last] = await this.store.readStream(this.streamOf(kind, normalizedValue), { direction: 'backwards', maxCount: 1 });
    return holderAfter(last);
  }

  async reserve(kind: ReservationKind, value: string, accountId: string, meta: CommandMetadata): Promise<ReservationOutcome> {
    const stream = this.streamOf(kind, value);
    for (;;) {
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      const holder = holderAfter(last);
      if (holder === accountId) return { reserved: true };
      if (holder !== null) return { reserved: false, heldBy: holder };
      try {
        await this.store.append(stream, [this.event('ValueReserved', kind, accountId, meta)], last ? last.revision : 'no_stream');
        return { reserved: true };
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
      const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      if (!last || holderAfter(last) !== accountId) return;
      try {
        await this.store.append(stream, [this.event('ValueReleased', kind, accountId, meta)], last.revision);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  private event(type: 'ValueReserved' | 'ValueReleased', kind: ReservationKind, accountId: string, meta: CommandMetadata) {
    return {
      eventId: randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: new Date().toISOString(),
      data: { kind, accountId },
      // No client data here: reservation streams are never crypto-shredded.
      metadata: { correlationId: meta.correlationId, causationId: meta.correlationId, actor: meta.actor },
    };
  }
}

function holderAfter(last: RecordedEvent | undefined): string | null {
  if (!last || last.type !== 'ValueReserved') return null;
  return String(last.data.accountId);
}
