import { failedPasswordRules } from './password-policy';

const common = new Set(['password1', 'qwerty123']);
const options = { compositionRule: true, isCommon: (p: string) => common.has(p.toLowerCase()) };
const owner = { email: 'ann.lee@example.com', username: 'annlee' };

describe('password policy', () => {
  it('accepts a password that meets every rule', () => {
    expect(failedPasswordRules('Correct7Horse', owner, options)).toEqual([]);
  });

  it('lists every rule a password breaks', () => {
    expect(failedPasswordRules('short', owner, options)).toEqual(['length', 'uppercase', 'digit']);
  });

  it('refuses more than 72 UTF-8 bytes instead of truncating, even under 128 characters', () => {
    const password = 'Aa1' + 'é'.repeat(35); // 38 characters, 73 bytes
    expect(failedPasswordRules(password, owner, options)).toEqual(['max_bytes']);
  });

  it('refuses more than 128 characters', () => {
    expect(failedPasswordRules('Aa1' + 'x'.repeat(126), owner, options)).toEqual(['length', 'max_bytes']);
  });

  it('refuses the email, its local part or the username, whatever the case', () => {
    expect(failedPasswordRules('ANN.LEE@example.com', { email: 'ann.lee@example.com' }, { ...options, compositionRule: false })).toEqual(['not_identity']);
    expect(failedPasswordRules('AnnLee', { email: 'x@y.z', username: 'annlee' }, { ...options, compositionRule: false })).toEqual(['length', 'not_identity']);
  });

  it('refuses a commonly used password', () => {
    expect(failedPasswordRules('Password1', owner, options)).toEqual(['not_common']);
  });

  it('drops the composition rule when the setting is off, keeping the others', () => {
    const relaxed = { ...options, compositionRule: false };
    expect(failedPasswordRules('correct horse battery', owner, relaxed)).toEqual([]);
    expect(failedPasswordRules('qwerty123', owner, relaxed)).toEqual(['not_common']);
  });
});
