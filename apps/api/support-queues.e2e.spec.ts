import { supportGet, supportPost, uniqueEmail } from '../testing/flows';
import { openAppeal, openRecoveryCase } from '../testing/support-cases';
import { until } from '../testing/until';
import { bearer, startWarden, type TestWarden } from '../testing/warden-harness';

describe('the support queues: GET /v1/recovery-cases and /v1/appeals', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  it('lists open recovery cases oldest first with the email and statement, pages, and moves a decided one', async () => {
    const first = await openRecoveryCase(w, uniqueEmail('case-a'), 'Phone stolen on the train.');
    const secondEmail = uniqueEmail('case-b');
    const second = await openRecoveryCase(w, secondEmail, 'Phone fell in the sea.');
    const open = await supportGet(w, '/v1/recovery-cases?status=open&limit=1').set('X-Min-Position', second.position);
    expect(open.status).toBe(200);
    expect(open.body.entries).toEqual([
      { caseId: first.caseId, accountId: first.accountId, email: expect.stringContaining('case-a'), openedAt: expect.any(String), statement: 'Phone stolen on the train.', status: 'open' },
    ]);
    const next = await supportGet(w, `/v1/recovery-cases?status=open&limit=1&cursor=${open.body.nextCursor}`);
    expect(next.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([second.caseId]);

    const decided = await supportPost(w, `/v1/recovery-cases/${first.caseId}/decision`, { decision: 'reject', note: 'no proof' });
    expect(decided.status).toBe(200);
    const after = await supportGet(w, '/v1/recovery-cases?status=open').set('X-Min-Position', decided.headers['x-event-position']);
    expect(after.body.entries.map((e: { caseId: string }) => e.caseId)).toEqual([second.caseId]);
    const closed = await supportGet(w, '/v1/recovery-cases?status=decided');
    expect(closed.body.entries).toEqual([expect.objectContaining({ caseId: first.caseId, status: 'decided', decision: 'reject' })]);
    expect(next.body.entries[0].email).toBe(secondEmail);
  });

  it('lists open appeals with the message, and a decided one leaves the open queue', async () => {
    const { accountId, appealId, position } = await openAppeal(w, uniqueEmail('appeal'), 'Those posts were not mine.');
    const open = await supportGet(w, '/v1/appeals').set('X-Min-Position', position);
    expect(open.body.entries).toContainEqual(expect.objectContaining({ appealId, accountId, message: 'Those posts were not mine.', status: 'open' }));
    const decided = await supportPost(w, `/v1/accounts/${accountId}/appeals/${appealId}/decision`, { decision: 'reinstate', note: 'hacked' });
    expect(decided.status).toBe(200);
    const after = await supportGet(w, '/v1/appeals?status=open').set('X-Min-Position', decided.headers['x-event-position']);
    expect(after.body.entries.map((e: { appealId: string }) => e.appealId)).not.toContain(appealId);
    const closed = await supportGet(w, '/v1/appeals?status=decided');
    expect(closed.body.entries).toContainEqual(expect.objectContaining({ appealId, status: 'decided', decision: 'reinstate' }));
  });

  it('erases the owner\'s words and address from both queues when the account is deleted', async () => {
    const appeal = await openAppeal(w, uniqueEmail('erase-appeal'), 'My words about my appeal.');
    const recovery = await openRecoveryCase(w, uniqueEmail('erase-case'), 'My words about my phone.');
    for (const { accountId } of [appeal, recovery]) {
      const scheduled = await w.http
        .delete(`/v1/accounts/${accountId}`)
        .set('Authorization', bearer('support'))
        .set('X-Actor', 'agent-7')
        .send({ reason: 'owner asked', ticketRef: 'SUP-9', graceDays: 0 });
      expect(scheduled.status).toBe(202);
    }
    const erased = (entries: { accountId: string; email: string | null }[], accountId: string) => entries.find((e) => e.accountId === accountId && e.email === '[erased]');
    const appealEntry = await until('the appeal to be erased', async () => erased((await supportGet(w, '/v1/appeals')).body.entries, appeal.accountId));
    expect(appealEntry).toMatchObject({ message: '[erased]' });
    const caseEntry = await until('the case to be erased', async () => erased((await supportGet(w, '/v1/recovery-cases')).body.entries, recovery.accountId));
    expect(caseEntry).toMatchObject({ statement: '[erased]' });
  });

  it('refuses a bad status or cursor with 400', async () => {
    expect((await supportGet(w, '/v1/appeals?status=closed')).body.error).toBe('validation_failed');
    expect((await supportGet(w, '/v1/recovery-cases?cursor=bm9wZQ')).body.error).toBe('validation_failed');
  });
});
