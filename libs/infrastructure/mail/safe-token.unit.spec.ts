import { messageIdFor } from './message-id';
import { safeToken } from './safe-token';

describe('safeToken', () => {
  it('keeps UUIDs as they are', () => {
    expect(safeToken('6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b')).toBe('6f1c2a9e-0d4b-4e6a-9b8f-3c2d1e0f9a7b');
  });

  it('escapes everything a path or a Message-ID could misread, one to one', () => {
    expect(safeToken('../etc/passwd')).toBe('_2e_2e_2fetc_2fpasswd');
    expect(safeToken('a_b')).not.toBe(safeToken('a/b'));
    expect(safeToken('é')).toBe('_c3_a9');
  });

  it('hashes very long ids to stay within file name limits', () => {
    expect(safeToken('x'.repeat(1000))).toMatch(/^h-[0-9a-f]{64}$/);
  });

  it('rejects an empty id', () => {
    expect(() => safeToken('')).toThrow(TypeError);
  });
});

describe('messageIdFor', () => {
  it("uses the sender's domain, or a reserved one when the sender has none", () => {
    expect(messageIdFor('abc', 'Warden <no-reply@mail.example.com>')).toBe('<abc@mail.example.com>');
    expect(messageIdFor('abc', 'no-reply@localhost')).toBe('<abc@localhost>');
    expect(messageIdFor('abc', 'Warden')).toBe('<abc@warden.invalid>');
  });
});
