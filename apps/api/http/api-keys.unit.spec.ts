import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { API_KEYS_FILE, ApiKeyConfigError, loadApiKeys, parseApiKeys } from './api-keys';

describe('parseApiKeys', () => {
  it('reads name:scope+scope:secret entries separated by commas', () => {
    expect(parseApiKeys(' frontend:auth:s1 , desk:support+compliance:s2,audit:compliance:a:b:c ')).toEqual([
      { name: 'frontend', scopes: ['auth'], secret: 's1' },
      { name: 'desk', scopes: ['support', 'compliance'], secret: 's2' },
      // Only the first two colons separate: a secret may contain more.
      { name: 'audit', scopes: ['compliance'], secret: 'a:b:c' },
    ]);
  });

  it('ignores empty entries from a trailing or doubled comma', () => {
    expect(parseApiKeys('a:auth:s1,,b:auth:s2,').map((key) => key.name)).toEqual(['a', 'b']);
  });

  it('collapses a scope listed twice', () => {
    expect(parseApiKeys('a:auth+auth:s1')[0].scopes).toEqual(['auth']);
  });

  it.each([
    ['a missing part', 'ok:auth:s1,desk:TOPSECRET', /entry 2: expected name:scope\+scope:secret/],
    ['no separator at all', 'ok:auth:s1,TOPSECRET', /entry 2: expected/],
    ['an invalid name', 'ok:auth:s1,de sk:support:TOPSECRET', /entry 2: the name must be/],
    ['an unknown scope', 'ok:auth:s1,desk:admin:TOPSECRET', /entry 2 \("desk"\): unknown or empty scope/],
    ['a secret where the scope goes', 'ok:auth:s1,desk:TOPSECRET:auth', /entry 2 \("desk"\): unknown or empty scope/],
    ['an empty scope', 'ok:auth:s1,desk:auth+:TOPSECRET', /entry 2 \("desk"\): unknown or empty scope/],
    ['an empty secret', 'ok:auth:s1,desk:support:', /entry 2 \("desk"\): empty secret/],
    ['a secret with spaces', 'ok:auth:s1,desk:support:TOP SECRET', /entry 2 \("desk"\): the secret must be printable ASCII/],
    ['a duplicate name', 'desk:auth:s1,desk:support:TOPSECRET', /entry 2 \("desk"\): duplicate name/],
    ['a shared secret', 'ok:auth:TOPSECRET,desk:support:TOPSECRET', /entry 2 \("desk"\): same secret as WARDEN_API_KEYS entry 1 \("ok"\)/],
  ])('refuses %s, naming the entry but never the secret', (_case, raw, message) => {
    const attempt = () => parseApiKeys(raw);
    expect(attempt).toThrow(ApiKeyConfigError);
    expect(attempt).toThrow(message);
    expect(attempt).not.toThrow(/SECRET/);
  });

  it('refuses a variable holding no key', () => {
    expect(() => parseApiKeys(' , ')).toThrow('WARDEN_API_KEYS is set but holds no key');
  });
});

describe('loadApiKeys', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-keys-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('uses WARDEN_API_KEYS when set, writes no file, and warns about short secrets', () => {
    const loaded = loadApiKeys('frontend:auth:short,desk:support:0123456789abcdef', dataDir);
    expect(loaded.source).toBe('env');
    expect(loaded.keys.map((key) => key.name)).toEqual(['frontend', 'desk']);
    expect(loaded.warnings).toEqual(['API key "frontend" has a short secret (under 16 characters)']);
    expect(fs.existsSync(path.join(dataDir, API_KEYS_FILE))).toBe(false);
  });

  it('generates one random key per scope into api-keys.txt with mode 600 when unset', () => {
    const nested = path.join(dataDir, 'not', 'yet', 'there');
    const loaded = loadApiKeys(undefined, nested);
    if (loaded.source !== 'file') throw new Error('expected generated keys');
    expect(loaded.created).toBe(true);
    expect(loaded.file).toBe(path.join(nested, API_KEYS_FILE));
    expect(loaded.keys.map((key) => [key.name, key.scopes])).toEqual([
      ['auth', ['auth']],
      ['support', ['support']],
      ['compliance', ['compliance']],
    ]);
    for (const key of loaded.keys) {
      // 32 random bytes as base64url: 256 bits, well above the contract's 128.
      expect(key.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    expect(new Set(loaded.keys.map((key) => key.secret)).size).toBe(3);
    if (process.platform !== 'win32') expect(fs.statSync(loaded.file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(nested)).toEqual([API_KEYS_FILE]); // no temp file left behind
  });

  it('treats a blank variable as unset', () => {
    expect(loadApiKeys('  ', dataDir).source).toBe('file');
  });

  it('reuses the generated file on later starts', () => {
    const first = loadApiKeys(undefined, dataDir);
    const second = loadApiKeys(undefined, dataDir);
    expect(second).toMatchObject({ source: 'file', created: false, warnings: [] });
    expect(second.keys).toEqual(first.keys);
  });

  it('reads a hand-edited file, naming the bad line without its secret', () => {
    const file = path.join(dataDir, API_KEYS_FILE);
    fs.writeFileSync(file, '# comment\n\nops:support+compliance:0123456789abcdefXYZ\nbad:root:TOPSECRET\n', { mode: 0o600 });
    expect(() => loadApiKeys(undefined, dataDir)).toThrow(`${file} line 4 ("bad"): unknown or empty scope`);
    fs.writeFileSync(file, 'ops:support+compliance:0123456789abcdefXYZ\n');
    expect(loadApiKeys(undefined, dataDir).keys).toEqual([
      { name: 'ops', scopes: ['support', 'compliance'], secret: '0123456789abcdefXYZ' },
    ]);
  });

  it('refuses a key file without keys rather than generating over it', () => {
    fs.writeFileSync(path.join(dataDir, API_KEYS_FILE), '# emptied by hand\n', { mode: 0o600 });
    expect(() => loadApiKeys(undefined, dataDir)).toThrow(/holds no key; delete it to generate new ones/);
  });

  (process.platform === 'win32' ? it.skip : it)('warns when the key file is readable by others', () => {
    const { file } = loadApiKeys(undefined, dataDir) as { file: string };
    fs.chmodSync(file, 0o644);
    expect(loadApiKeys(undefined, dataDir).warnings).toEqual([`${file} is readable by other users (mode 644); run chmod 600 on it`]);
  });
});
