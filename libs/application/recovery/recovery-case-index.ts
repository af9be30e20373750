import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { WrongExpectedRevisionError } from '@warden/infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '@warden/infrastructure/tokens';
import type { CommandMetadata } from '../runner/command-metadata';

export const RECOVERY_CASE_STREAM_PREFIX = 'recovery-case-';
export const recoveryCaseStream = (caseId: string) => `${RECOVERY_CASE_STREAM_PREFIX}${caseId}`;

/**
 * Which account a recovery case belongs to, in the event store: one stream per case
 * (`recovery-case-<caseId>`) whose single `RecoveryCaseFiled {accountId}` is appended with
 * expected revision "no stream". A support decision is a command, and a command must not
 * depend on a read model's lag: `POST /v1/recovery-cases/{caseId}/decision` right after the
 * `202 {caseId}` finds the case here, then judges it on the account's own stream.
 *
 * The index is written BEFORE the account's `RecoveryCaseOpened`, so a case that exists
 * always has its index; a crash in between leaves an index to a case the account never
 * opened, which the decider answers `404 recovery_case_not_found`. Ids only, no personal
 * data: the stream is never crypto-shredded.
 */
@Injectable()
export class RecoveryCaseIndex {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async file(caseId: string, accountId: string, meta: CommandMetadata): Promise<void> {
    try {
      await this.store.append(
        recoveryCaseStream(caseId),
        [
          {
            eventId: randomUUID(),
            type: 'RecoveryCaseFiled',
            schemaVersion: 1,
            occurredAt: new Date().toISOString(),
            data: { caseId, accountId },
            metadata: { correlationId: meta.correlationId, causationId: meta.correlationId, actor: meta.actor },
          },
        ],
        'no_stream',
      );
    } catch (error) {
      // A retry of the same filing (the runner's next attempt) finds its own index.
      if (!(error instanceof WrongExpectedRevisionError) || (await this.accountOf(caseId)) !== accountId) throw error;
    }
  }

  /** The case's account, or null for a case id nobody filed. */
  async accountOf(caseId: string): Promise<string | null> {
    const [filed] = await this.store.readStream(recoveryCaseStream(caseId), { maxCount: 1 });
    return filed?.type === 'RecoveryCaseFiled' && typeof filed.data.accountId === 'string' ? filed.data.accountId : null;
  }
}
