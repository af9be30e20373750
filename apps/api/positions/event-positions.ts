import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '@warden/infrastructure/tokens';
import type { Position } from '@warden/shared/envelope';
import { START } from '@warden/shared/position';
import { EVENT_POSITION_HEADER } from '../http/idempotency.interceptor';

/**
 * Sets X-Event-Position on a command response. A command that appended nothing (or whose
 * answer must not reveal whether it did, like a resend for an unknown address) reports
 * the store's head: waiting for it still gives read-your-writes, and it tells nothing.
 */
@Injectable()
export class EventPositions {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async set(response: Response, position?: Position): Promise<void> {
    response.setHeader(EVENT_POSITION_HEADER, position ?? (await this.events.headPosition()) ?? START);
  }
}
