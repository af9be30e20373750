import { InMemoryReadStore } from '@warden/apps/api/http/testing/in-memory-read-store';
import { ACCOUNTS } from './accounts/account-view';
import { ActivityFeedHandler, ActivityFeedQuery } from './activity/activity-feed.query';
import { GetAuditHandler, GetAuditQuery } from './audit/get-audit.query';
import { ListCredentialsHandler, ListCredentialsQuery } from './credentials/list-credentials.query';
import { ListSessionsHandler, ListSessionsQuery } from './sessions/list-sessions.query';

const ANN = '6f1c2a8e-4b7d-4e0a-9c3f-2d5b8a1e7f40';
const NOBODY = '00000000-0000-4000-8000-000000000000';
const clock = { now: () => new Date('2025-03-05T14:07:31.000Z') };

describe('per-account read-model queries', () => {
  const store = new InMemoryReadStore();
  const page = { limit: 10 };
  const queries = {
    sessions: (id: string) => new ListSessionsHandler(store, clock).execute(new ListSessionsQuery(id)),
    audit: (id: string) => new GetAuditHandler(store).execute(new GetAuditQuery(id, page)),
    activity: (id: string) => new ActivityFeedHandler(store).execute(new ActivityFeedQuery(id, page)),
    credentials: (id: string) => new ListCredentialsHandler(store).execute(new ListCredentialsQuery(id)),
  };

  beforeAll(async () => {
    await store.collection(ACCOUNTS).put({ id: ANN, accountId: ANN, _position: '1' });
  });

  it.each(Object.entries(queries))('%s: an account the accounts read model does not know is a 404, not an empty list', async (_name, run) => {
    await expect(run(NOBODY)).rejects.toMatchObject({ code: 'account_not_found', status: 404 });
    await expect(run(ANN)).resolves.toBeDefined();
  });
});
