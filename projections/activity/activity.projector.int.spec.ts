import { randomUUID } from 'node:crypto';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { at, givenEventsForSuite, registered } from '../testing/given-events';
import { ACTIVITY_ENTRIES, type ActivityEntryDoc } from './activity-entry';

const CLIENT = { ip: '192.0.2.1', userAgent: 'Safari/18', deviceId: 'device-1' };

/** The owner's security activity: one entry per owner-facing event; one rule per field. */
describe('activity projector', () => {
  const given = givenEventsForSuite();

  const entriesOf = (accountId: string) => given.entriesOf<ActivityEntryDoc>(ACTIVITY_ENTRIES, accountId);

  it('writes an entry keyed by the event id, with its time, kind, plain-words description, ip and device (the user agent)', async () => {
    const accountId = randomUUID();
    const [eventId] = await given.append(accountId, [registered(accountId)], { occurredAt: at(0), client: CLIENT });
    await given.project();
    expect(await entriesOf(accountId)).toEqual([
      {
        id: eventId,
        _position: expect.any(String),
        accountId,
        occurredAt: at(0),
        kind: 'account_created',
        description: 'You created your account.',
        ip: CLIENT.ip,
        device: CLIENT.userAgent,
      },
    ]);
  });

  it('leaves out internal facts (session bookkeeping, mailed tokens) and sign-outs other than the owner’s own', async () => {
    const accountId = randomUUID();
    const sessionId = randomUUID();
    await given.history(accountId, [
      [registered(accountId)],
      [{ type: 'EmailVerificationRequested', data: { tokenId: 't', tokenHash: 'h', expiresAt: at(99), email: 'Ann.Lee@Example.COM' } }],
      [
        { type: 'SessionStarted', data: { sessionId, tokenHash: 'sh', expiresAt: at(99), idleTimeoutSeconds: 60, origin: null } },
        { type: 'LoginSucceeded', data: { sessionId } },
      ],
      [{ type: 'SessionSeen', data: { sessionId } }],
      [{ type: 'SessionRevoked', data: { sessionId, reason: 'revoked_by_support' } }],
      [{ type: 'SessionRevoked', data: { sessionId, reason: 'logout' } }],
    ]);
    const entries = await entriesOf(accountId);
    expect(entries.map((e) => [e.kind, e.occurredAt])).toEqual([
      ['account_created', at(0)],
      ['sign_in', at(2)],
      ['sign_out', at(5)],
    ]);
  });

  it('ip and device are null when no client was recorded', async () => {
    const accountId = randomUUID();
    await given.history(accountId, [[registered(accountId)]]);
    expect(await entriesOf(accountId)).toEqual([expect.objectContaining({ ip: null, device: null })]);
  });

  it('deletion erases ip and device of every entry of the account, and keeps the entries', async () => {
    const accountId = randomUUID();
    await given.history(
      accountId,
      [[registered(accountId)], [{ type: 'LoginFailed', data: { reason: 'wrong_password' } }], [{ type: 'AccountDeleted', data: { email: 'Ann.Lee@Example.COM', username: 'Ann_Lee' } }]],
      { client: CLIENT },
    );
    const entries = await entriesOf(accountId);
    expect(entries.map((e) => e.kind)).toEqual(['account_created', 'sign_in_failed']);
    for (const entry of entries) expect(entry).toMatchObject({ ip: ERASED, device: ERASED });
  });
});
