import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { at, givenEventsForSuite } from '../testing/given-events';
import { SESSIONS, type SessionDoc } from './session-view';

const CLIENT = { ip: '203.0.113.9', userAgent: 'Firefox/140', deviceId: 'device-9' };

/** The sessions read model: given events, then the document, one rule per field. */
describe('sessions projector', () => {
  const given = givenEventsForSuite();

  const started = (sessionId: string): AccountEvent => ({
    type: 'SessionStarted',
    data: { sessionId, tokenHash: `sha256-of-${sessionId}`, expiresAt: '2026-02-01T00:00:00.000Z', idleTimeoutSeconds: 3600, origin: null },
  });

  /** A registered account whose session `sessionId` has this history (one command per entry, the first at `at(1)`), projected. */
  const sessionAfter = (sessionId: string, ...commands: AccountEvent[][]) => given.docAfter<SessionDoc>(SESSIONS, sessionId, commands, { client: CLIENT });

  it('a started session writes every field: the token hash, live, created and seen at the start, the client it came from', async () => {
    const sessionId = randomUUID();
    const { accountId, doc } = await sessionAfter(sessionId, [started(sessionId), { type: 'LoginSucceeded', data: { sessionId } }]);
    expect(doc).toEqual({
      id: sessionId,
      _position: expect.any(String),
      sessionId,
      accountId,
      tokenHash: `sha256-of-${sessionId}`,
      active: true,
      createdAt: at(1),
      lastSeenAt: at(1),
      expiresAt: '2026-02-01T00:00:00.000Z',
      idleTimeoutSeconds: 3600,
      endedAt: null,
      endReason: null,
      ip: CLIENT.ip,
      userAgent: CLIENT.userAgent,
      deviceId: CLIENT.deviceId,
    });
  });

  it('ip, userAgent and deviceId are null when no client was recorded', async () => {
    const sessionId = randomUUID();
    await given.registeredWith([[started(sessionId)]]);
    expect(await given.collection<SessionDoc>(SESSIONS).get(sessionId)).toMatchObject({ ip: null, userAgent: null, deviceId: null });
  });

  it('lastSeenAt follows each use', async () => {
    const sessionId = randomUUID();
    const seen: AccountEvent[] = [{ type: 'SessionSeen', data: { sessionId } }];
    const { doc } = await sessionAfter(sessionId, [started(sessionId)], seen, seen);
    expect(doc).toMatchObject({ createdAt: at(1), lastSeenAt: at(3), active: true });
  });

  it('active, endedAt and endReason: a revocation ends the session with its reason and time', async () => {
    const sessionId = randomUUID();
    const { doc } = await sessionAfter(sessionId, [started(sessionId)], [{ type: 'SessionRevoked', data: { sessionId, reason: 'revoked_by_owner' } }]);
    expect(doc).toMatchObject({ active: false, endedAt: at(2), endReason: 'revoked_by_owner' });
  });

  it('a use or revocation of a session never started writes nothing', async () => {
    const sessionId = randomUUID();
    const { doc } = await sessionAfter(sessionId, [{ type: 'SessionSeen', data: { sessionId } }], [{ type: 'SessionRevoked', data: { sessionId, reason: 'logout' } }]);
    expect(doc).toBeNull();
  });

  it('deletion erases the client fields of every session of the account, and only those', async () => {
    const one = randomUUID();
    const two = randomUUID();
    const { accountId, doc } = await sessionAfter(
      one,
      [started(one)],
      [started(two)],
      [{ type: 'SessionRevoked', data: { sessionId: one, reason: 'account_deleted' } }],
      [{ type: 'AccountDeleted', data: { email: 'Ann.Lee@Example.COM', username: 'Ann_Lee' } }],
    );
    const sessions = await given.collection<SessionDoc>(SESSIONS).find({ accountId });
    expect(sessions.map((s) => s.sessionId).sort()).toEqual([one, two].sort());
    for (const session of sessions) expect(session).toMatchObject({ ip: ERASED, userAgent: ERASED, deviceId: ERASED, tokenHash: `sha256-of-${session.sessionId}` });
    expect(doc).toMatchObject({ createdAt: at(1), active: false, endReason: 'account_deleted' });
  });
});
