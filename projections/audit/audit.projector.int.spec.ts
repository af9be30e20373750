import { randomUUID } from 'node:crypto';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { at, givenEventsForSuite, OWNER, registered } from '../testing/given-events';
import { AUDIT_ENTRIES, type AuditEntryDoc } from './audit-entry';

const CLIENT = { ip: '198.51.100.4', userAgent: 'curl/8.5', deviceId: 'device-4' };
const SUPPORT = { type: 'support' as const, id: 'agent-7', onBehalfOf: 'ticket-12' };

/** The support audit (contract §3.2): one entry per event, insert-only; one rule per field. */
describe('audit projector', () => {
  const given = givenEventsForSuite();

  const entriesOf = (accountId: string) => given.entriesOf<AuditEntryDoc>(AUDIT_ENTRIES, accountId);

  it('writes one entry per event, keyed by its id, with its type, time, actor, client and correlation', async () => {
    const accountId = randomUUID();
    const [registeredId] = await given.append(accountId, [registered(accountId)], { occurredAt: at(0), client: CLIENT, correlationId: 'corr-reg' });
    const [lockedId] = await given.append(
      accountId,
      [{ type: 'AccountLocked', data: { reason: 'manual', note: 'owner called', ownershipVerification: null } }],
      { occurredAt: at(1), actor: SUPPORT, correlationId: 'corr-lock' },
    );
    await given.project();

    expect(await entriesOf(accountId)).toEqual([
      {
        id: registeredId,
        _position: expect.any(String),
        eventId: registeredId,
        accountId,
        type: 'AccountRegistered',
        occurredAt: at(0),
        actor: OWNER,
        summary: 'Account registered',
        ip: CLIENT.ip,
        userAgent: CLIENT.userAgent,
        correlationId: 'corr-reg',
      },
      {
        id: lockedId,
        _position: expect.any(String),
        eventId: lockedId,
        accountId,
        type: 'AccountLocked',
        occurredAt: at(1),
        actor: SUPPORT,
        summary: 'Account locked by support',
        ip: null,
        userAgent: null,
        correlationId: 'corr-lock',
      },
    ]);
  });

  it('summary names what happened in plain words, never a hash, token or free-text note', async () => {
    const accountId = randomUUID();
    await given.history(accountId, [
      [registered(accountId)],
      [{ type: 'PasswordChanged', data: { passwordHash: '$2b$04$secret-hash' } }],
      [{ type: 'AccountSuspended', data: { reason: 'private reason text', policyRef: 'P-7' } }],
      [{ type: 'CredentialIssued', data: { credentialId: 'c1', label: 'CI', prefix: 'wdn_ab12', secretHash: 'sha256-secret' } }],
    ]);
    const entries = await entriesOf(accountId);
    expect(entries.map((e) => e.summary)).toEqual(['Account registered', 'Password changed', 'Account suspended (policy P-7)', 'Integration credential issued (wdn_ab12…)']);
    expect(JSON.stringify(entries)).not.toMatch(/secret-hash|sha256-secret|private reason text/);
  });

  it('deletion erases ip and userAgent of every entry of the account, and keeps the entries', async () => {
    const accountId = randomUUID();
    await given.history(
      accountId,
      [[registered(accountId)], [{ type: 'EmailVerified', data: { email: 'Ann.Lee@Example.COM' } }], [{ type: 'AccountDeleted', data: { email: 'Ann.Lee@Example.COM', username: 'Ann_Lee' } }]],
      { client: CLIENT },
    );
    const entries = await entriesOf(accountId);
    expect(entries.map((e) => e.type)).toEqual(['AccountRegistered', 'EmailVerified', 'AccountDeleted']);
    for (const entry of entries) expect(entry).toMatchObject({ ip: ERASED, userAgent: ERASED });
  });
});
