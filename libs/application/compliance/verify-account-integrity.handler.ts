import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import { EVENT_STORE } from '@warden/infrastructure/tokens';
import { verifyAccountIntegrity, type IntegrityReport } from './account-integrity';

export class VerifyAccountIntegrityQuery extends Query<IntegrityReport> {
  constructor(readonly accountId: string) {
    super();
  }
}


@QueryHandler(VerifyAccountIntegrityQuery)
export class VerifyAccountIntegrityHandler implements IQueryHandler<VerifyAccountIntegrityQuery> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async execute({ accountId }: VerifyAccountIntegrityQuery): Promise<IntegrityReport> {
    return verifyAccountIntegrity(this.events, accountId);
  }
}
