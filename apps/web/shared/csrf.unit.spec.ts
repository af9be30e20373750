import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { CSRF_FIELD, CsrfTokens } from './csrf';

function fakeResponse() {
  const headers: Record<string, unknown> = {};
  return {
    headers,
    getHeader: (name: string) => headers[name.toLowerCase()],
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = value),
  };
}

const request = (cookie?: string, body?: object) => ({ headers: cookie ? { cookie } : {}, body }) as unknown as Request;

/** The cookie a browser would send back after the response set it. */
function cookieFrom(response: ReturnType<typeof fakeResponse>): string {
  const [setCookie] = response.headers['set-cookie'] as string[];
  return setCookie.split(';')[0];
}

describe('CsrfTokens (signed double submit)', () => {
  const key = randomBytes(32);
  const tokens = new CsrfTokens(key, false);

  it('accepts the token of the form together with the cookie it was issued for', () => {
    const response = fakeResponse();
    const token = tokens.issue(request(), response as unknown as Response);
    const cookie = cookieFrom(response);
    expect(response.headers['set-cookie']).toEqual([expect.stringMatching(/^warden_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/)]);
    expect(() => tokens.verify(request(cookie, { [CSRF_FIELD]: token }))).not.toThrow();
  });

  it('reuses the browser\'s cookie instead of setting a new one', () => {
    const first = fakeResponse();
    const token = tokens.issue(request(), first as unknown as Response);
    const again = fakeResponse();
    expect(tokens.issue(request(cookieFrom(first)), again as unknown as Response)).toBe(token);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a missing token, a missing cookie, another cookie\'s token and another key\'s token', () => {
    const response = fakeResponse();
    const token = tokens.issue(request(), response as unknown as Response);
    const cookie = cookieFrom(response);
    const other = fakeResponse();
    const otherToken = tokens.issue(request(), other as unknown as Response);
    const foreign = new CsrfTokens(randomBytes(32), false).issue(request(cookie), fakeResponse() as unknown as Response);
    for (const attempt of [request(cookie, {}), request(undefined, { [CSRF_FIELD]: token }), request(cookie, { [CSRF_FIELD]: otherToken }), request(cookie, { [CSRF_FIELD]: foreign })]) {
      expect(() => tokens.verify(attempt)).toThrow(expect.objectContaining({ code: 'csrf_failed', status: 403 }));
    }
  });

  it('uses a __Host- cookie with Secure on an https site', () => {
    const response = fakeResponse();
    new CsrfTokens(key, true).issue(request(), response as unknown as Response);
    expect(response.headers['set-cookie']).toEqual([expect.stringMatching(/^__Host-warden_csrf=.*; Path=\/; HttpOnly; SameSite=Strict; Secure$/)]);
  });
});
