import { randomBytes } from 'node:crypto';
import { decryptFields, encryptFields, ERASED } from './personal-data';

describe('personal data encryption', () => {
  const key = randomBytes(32);
  const record = { email: 'ann@example.com', origin: { device: 'd1', network: '203.0.113.0/24' }, username: null, count: 3 };
  const fields = ['email', 'origin', 'username'];

  it('encrypts the named fields, strings and objects alike, and leaves the rest', () => {
    const sealed = encryptFields(key, 'acc-1', record, fields);
    expect(JSON.stringify(sealed)).not.toContain('ann@example.com');
    expect(JSON.stringify(sealed)).not.toContain('203.0.113');
    expect(sealed.username).toBeNull();
    expect(sealed.count).toBe(3);
    expect(decryptFields(key, 'acc-1', sealed, fields)).toEqual(record);
  });

  it('reads "[erased]" once the key is gone', () => {
    const sealed = encryptFields(key, 'acc-1', record, fields);
    expect(decryptFields(null, 'acc-1', sealed, fields)).toEqual({ ...record, email: ERASED, origin: ERASED });
  });

  it('binds a ciphertext to its account: another account cannot read it', () => {
    const sealed = encryptFields(key, 'acc-1', record, fields);
    expect(() => decryptFields(key, 'acc-2', sealed, fields)).toThrow();
  });
});
