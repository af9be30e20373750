import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import { at, givenEventsForSuite } from '../testing/given-events';
import { RECOVERY_CASES, type RecoveryCaseDoc } from './recovery-case';

/** The recovery cases read model (support's queue): given events, then the document, one rule per field. */
describe('recovery-cases projector', () => {
  const given = givenEventsForSuite();

  const opened = (caseId: string): AccountEvent => ({ type: 'RecoveryCaseOpened', data: { caseId, statement: 'I lost my phone' } });

  /** A registered account whose case has this history (one command per entry, the first at `at(1)`), projected. */
  const caseAfter = (caseId: string, ...commands: AccountEvent[][]) => given.docAfter<RecoveryCaseDoc>(RECOVERY_CASES, caseId, commands);

  it('opening writes every field: open in the queue, opened now (and at which position, the queue order), undecided, the statement', async () => {
    const caseId = randomUUID();
    const { accountId, doc } = await caseAfter(caseId, [opened(caseId)]);
    expect(doc).toEqual({
      id: caseId,
      _position: expect.any(String),
      caseId,
      accountId,
      status: 'open',
      queueStatus: 'open',
      statement: 'I lost my phone',
      openedAt: at(1),
      openedPosition: doc?._position,
      decidedAt: null,
    });
  });

  it.each(['approve', 'reject'] as const)('status and decidedAt follow the decision (%s)', async (decision) => {
    const caseId = randomUUID();
    const { doc } = await caseAfter(caseId, [opened(caseId)], [{ type: 'RecoveryCaseDecided', data: { caseId, decision, note: 'checked id' } }]);
    expect(doc).toMatchObject({ status: decision, queueStatus: 'decided', decidedAt: at(2), openedAt: at(1) });
  });

  it('a decision on a case never opened writes nothing', async () => {
    const caseId = randomUUID();
    const { doc } = await caseAfter(caseId, [{ type: 'RecoveryCaseDecided', data: { caseId, decision: 'approve', note: 'n' } }]);
    expect(doc).toBeNull();
  });
});
