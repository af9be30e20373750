import { InMemoryReadStore } from '@warden/apps/api/http/testing/in-memory-read-store';
import type { AccountEvent } from '@warden/account/account.events';
import type { DecodedAccountEvent } from '@warden/infrastructure/event-codec/account-event.codec';
import { APPEALS, type AppealDoc } from './appeal';
import { appealsProjection } from './appeals.projector';

const ACCOUNT = '6f0c3f4e-8f4b-4d43-9a0e-7b1f1d2c3a4b';
const APPEAL = 'a1b2c3d4-0000-4000-8000-000000000001';
let revision = 0;

function recorded(event: AccountEvent, position: number, occurredAt = `2026-12-01T10:00:0${position}.000Z`): DecodedAccountEvent {
  return {
    streamId: `account-${ACCOUNT}`,
    revision: revision++,
    position: String(position).padStart(20, '0'),
    eventId: `event-${position}`,
    type: event.type,
    schemaVersion: 1,
    occurredAt,
    data: event.data as DecodedAccountEvent['data'],
    metadata: { correlationId: 'c', causationId: 'c', actor: { type: 'support', id: 'agent-7' }, prevHash: '', hash: '' },
    accountId: ACCOUNT,
    event,
  };
}

const submitted = recorded({ type: 'AppealSubmitted', data: { appealId: APPEAL, message: 'Not me.' } }, 1);
const decided = recorded({ type: 'AppealDecided', data: { appealId: APPEAL, decision: 'reinstate', note: 'hacked' } }, 2);
const deleted = recorded({ type: 'AccountDeleted', data: { email: '[erased]', username: null } }, 3);

describe('appeals projection (the support queue)', () => {
  let store: InMemoryReadStore;
  const doc = () => store.collection<AppealDoc>(APPEALS).get(APPEAL);

  beforeEach(async () => {
    store = new InMemoryReadStore();
    await appealsProjection.init(store);
  });

  it('given AppealSubmitted: an open appeal with the owner\'s message, opened at the event, ordered by its position', async () => {
    await appealsProjection.handle([submitted], store);
    expect(await doc()).toMatchObject({
      appealId: APPEAL,
      accountId: ACCOUNT,
      message: 'Not me.',
      status: 'open',
      decision: null,
      openedAt: submitted.occurredAt,
      openedPosition: submitted.position,
      decidedAt: null,
    });
  });

  it('given AppealDecided: decided, with the decision and its time; the opening position stays', async () => {
    await appealsProjection.handle([submitted, decided], store);
    expect(await doc()).toMatchObject({ status: 'decided', decision: 'reinstate', decidedAt: decided.occurredAt, openedPosition: submitted.position });
  });

  it('replaying a batch changes nothing: a replayed submission does not reopen a decided appeal', async () => {
    await appealsProjection.handle([submitted, decided], store);
    await appealsProjection.handle([submitted], store);
    expect(await doc()).toMatchObject({ status: 'decided' });
  });

  it('given AccountDeleted: the message reads "[erased]"', async () => {
    await appealsProjection.handle([submitted, deleted], store);
    expect(await doc()).toMatchObject({ message: '[erased]', status: 'open' });
  });

  it('handles only its event types', () => {
    expect(['AppealSubmitted', 'AppealDecided', 'AccountDeleted'].every(appealsProjection.canHandle)).toBe(true);
    expect(appealsProjection.canHandle('LoginSucceeded')).toBe(false);
  });
});
