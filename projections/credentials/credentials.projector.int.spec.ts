import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { at, givenEventsForSuite } from '../testing/given-events';
import { CREDENTIALS, type CredentialDoc } from './credential-view';

/** The integration credentials read model: given events, then the document, one rule per field. */
describe('credentials projector', () => {
  const given = givenEventsForSuite();

  const issued = (credentialId: string): AccountEvent => ({
    type: 'CredentialIssued',
    data: { credentialId, label: 'CI deploys', prefix: 'wdn_ab12', secretHash: 'sha256-one' },
  });

  /** A registered account whose credential `credentialId` has this history (one command per entry, the first at `at(1)`), projected. */
  const credentialAfter = (credentialId: string, ...commands: AccountEvent[][]) => given.docAfter<CredentialDoc>(CREDENTIALS, credentialId, commands);

  it('issuing writes every field: label, visible prefix, the secret hash (never the secret), active, created now', async () => {
    const credentialId = randomUUID();
    const { accountId, doc } = await credentialAfter(credentialId, [issued(credentialId)]);
    expect(doc).toEqual({
      id: credentialId,
      _position: expect.any(String),
      credentialId,
      accountId,
      label: 'CI deploys',
      prefix: 'wdn_ab12',
      secretHash: 'sha256-one',
      active: true,
      createdAt: at(1),
      rotatedAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
  });

  it('prefix, secretHash and rotatedAt follow a regeneration', async () => {
    const credentialId = randomUUID();
    const { doc } = await credentialAfter(credentialId, [issued(credentialId)], [
      { type: 'CredentialRegenerated', data: { credentialId, prefix: 'wdn_cd34', secretHash: 'sha256-two' } },
    ]);
    expect(doc).toMatchObject({ prefix: 'wdn_cd34', secretHash: 'sha256-two', rotatedAt: at(2), active: true, createdAt: at(1) });
  });

  it('lastUsedAt follows each use', async () => {
    const credentialId = randomUUID();
    const used: AccountEvent[] = [{ type: 'CredentialUsed', data: { credentialId } }];
    expect((await credentialAfter(credentialId, [issued(credentialId)], used, used)).doc?.lastUsedAt).toBe(at(3));
  });

  it('active and revokedAt: a revocation deactivates it', async () => {
    const credentialId = randomUUID();
    const { doc } = await credentialAfter(credentialId, [issued(credentialId)], [{ type: 'CredentialRevoked', data: { credentialId, reason: 'owner' } }]);
    expect(doc).toMatchObject({ active: false, revokedAt: at(2) });
  });

  it('a regeneration, use or revocation of a credential never issued writes nothing', async () => {
    const credentialId = randomUUID();
    const { doc } = await credentialAfter(
      credentialId,
      [{ type: 'CredentialRegenerated', data: { credentialId, prefix: 'wdn_x', secretHash: 'h' } }],
      [{ type: 'CredentialUsed', data: { credentialId } }],
      [{ type: 'CredentialRevoked', data: { credentialId, reason: 'owner' } }],
    );
    expect(doc).toBeNull();
  });

  it('deletion erases the label of every credential of the account; the hash stays for lookups to refuse', async () => {
    const one = randomUUID();
    const two = randomUUID();
    const { accountId } = await credentialAfter(one, [issued(one)], [issued(two)], [
      { type: 'CredentialRevoked', data: { credentialId: one, reason: 'account_deleted' } },
      { type: 'CredentialRevoked', data: { credentialId: two, reason: 'account_deleted' } },
      { type: 'AccountDeleted', data: { email: 'Ann.Lee@Example.COM', username: 'Ann_Lee' } },
    ]);
    const credentials = await given.collection<CredentialDoc>(CREDENTIALS).find({ accountId });
    expect(credentials).toHaveLength(2);
    for (const credential of credentials) expect(credential).toMatchObject({ label: ERASED, active: false, secretHash: 'sha256-one' });
  });
});
