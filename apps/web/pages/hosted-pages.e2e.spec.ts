import { tokenFromLink } from '../../testing/outbox';
import { authPost, logIn, mailTo, PASSWORD, register, totpCode, uniqueEmail } from '../../testing/flows';
import { startWarden, type TestWarden } from '../../testing/warden-harness';
import { CONTENT_SECURITY_POLICY } from '../shared/security-headers';
import { enrolledInTotp } from './testing/two-factor';

/** The pages' HTTP behaviour (no browser): GET never acts, CSRF, headers, the same answer for every dead link. */
describe('hosted pages over HTTP', () => {
  let w: TestWarden;
  const logLines: string[] = [];
  beforeAll(async () => {
    w = await startWarden({ logLines, env: { LOG_LEVEL: 'debug' } });
  });
  afterAll(() => w.close());

  /** The form's CSRF token and the cookie it is bound to, from a GET of the page. */
  async function formOf(path: string) {
    const page = await w.http.get(path);
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    const cookie = (page.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    return { page, csrf: csrf!, cookie };
  }

  async function pendingAccount() {
    const email = uniqueEmail('page');
    expect((await register(w, email)).status).toBe(201);
    const token = tokenFromLink((await mailTo(w, email, 'Confirm your email address')).text, 'verify-email');
    return { email, token };
  }

  it('GET shows a form and changes nothing (mail scanners prefetch links); the POST confirms', async () => {
    const { email, token } = await pendingAccount();
    const { page, csrf, cookie } = await formOf(`/verify-email?token=${token}`);
    await w.http.get(`/verify-email?token=${token}`);
    expect(page.text).toContain('<button type="submit">Confirm my email address</button>');
    expect((await logIn(w, email)).body.error).toBe('email_not_verified');

    const confirmed = await w.http.post('/verify-email').set('Cookie', cookie).type('form').send({ token, _csrf: csrf });
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Email address confirmed');
    expect((await logIn(w, email)).body.result).toBe('session');
  });

  it('sends the strict security headers with every page', async () => {
    const { token } = await pendingAccount();
    const page = await w.http.get(`/verify-email?token=${token}`);
    expect(page.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(page.headers['set-cookie']).toEqual([expect.stringMatching(/^warden_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/)]);
    expect((await w.http.get('/reset-password')).headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a post without the CSRF token, or with another browser\'s, and changes nothing', async () => {
    const { email, token } = await pendingAccount();
    const mine = await formOf(`/verify-email?token=${token}`);
    const theirs = await formOf(`/verify-email?token=${token}`);
    for (const attempt of [
      { cookie: mine.cookie, body: { token } },
      { cookie: mine.cookie, body: { token, _csrf: theirs.csrf } },
      { cookie: undefined, body: { token, _csrf: mine.csrf } },
    ]) {
      const req = w.http.post('/verify-email').type('form');
      if (attempt.cookie) req.set('Cookie', attempt.cookie);
      const refused = await req.send(attempt.body);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('This form has expired');
    }
    expect((await logIn(w, email)).body.error).toBe('email_not_verified');
  });

  it('answers malformed, unknown and used links with one and the same page', async () => {
    const { token } = await pendingAccount();
    const { csrf, cookie } = await formOf(`/verify-email?token=${token}`);
    await w.http.post('/verify-email').set('Cookie', cookie).type('form').send({ token, _csrf: csrf });
    const unknown = `${token.slice(0, 30)}${'A'.repeat(34)}`;
    const pages = await Promise.all([`/verify-email?token=${token}`, `/verify-email?token=${unknown}`, '/verify-email?token=%3Cscript%3E', '/verify-email'].map((path) => w.http.get(path)));
    for (const page of pages) {
      expect(page.status).toBe(410);
      expect(page.text).toBe(pages[0].text);
    }
    expect(pages[0].text).toContain('This link can no longer be used');
    const reposted = await w.http.post('/verify-email').set('Cookie', cookie).type('form').send({ token, _csrf: csrf });
    expect(reposted.status).toBe(410);
  });

  it('never writes a token into the log', async () => {
    const { token } = await pendingAccount();
    const { csrf, cookie } = await formOf(`/verify-email?token=${token}`);
    await w.http.post('/verify-email').set('Cookie', cookie).type('form').send({ token, _csrf: csrf });
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('leaves the pages out of the OpenAPI document and keeps /v1 JSON-only', async () => {
    const doc = await w.http.get('/docs-json');
    expect(Object.keys(doc.body.paths).filter((path) => !path.startsWith('/v1') && !path.startsWith('/health') && path !== '/metrics')).toEqual([]);
    const form = await authPost(w, '/v1/password-resets', {}).type('form').send('email=a%40b.c');
    expect(form.status).toBe(415);
  });

  it('names the failing password rules on submit and keeps the old password until a good one', async () => {
    const { email, token } = await pendingAccount();
    const verify = await formOf(`/verify-email?token=${token}`);
    await w.http.post('/verify-email').set('Cookie', verify.cookie).type('form').send({ token, _csrf: verify.csrf });
    await authPost(w, '/v1/password-resets', { email, context: { ip: '203.0.113.7', userAgent: 'e2e' } });
    const resetToken = tokenFromLink((await mailTo(w, email, 'Reset your password')).text, 'reset-password');
    const { csrf, cookie } = await formOf(`/reset-password?token=${resetToken}`);
    const post = (fields: object) => w.http.post('/reset-password').set('Cookie', cookie).type('form').send({ token: resetToken, _csrf: csrf, ...fields });

    const weak = await post({ newPassword: 'alllowercase', repeatPassword: 'alllowercase' });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('it needs an upper-case letter; a digit.');
    const differ = await post({ newPassword: 'Fresh8Password', repeatPassword: 'Fresh8Passwort' });
    expect(differ.text).toContain('The two passwords differ');
    expect((await logIn(w, email)).body.result).toBe('session');

    expect((await post({ newPassword: 'Fresh8Password', repeatPassword: 'Fresh8Password' })).text).toContain('Password changed');
    expect((await logIn(w, email, 'Fresh8Password')).body.result).toBe('session');
    expect((await logIn(w, email, PASSWORD)).status).toBe(401);
  });
});

describe('wrong codes on the pages of mailed links', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { THROTTLE_ACCOUNT_FREE_FAILURES: '2', THROTTLE_BASE_SECONDS: '60', UNIFORM_RESPONSE_MS: '0' } });
  });
  afterAll(() => w.close());

  it('slow down after a few wrong codes, refusing even the right one while the link cools down', async () => {
    const email = uniqueEmail('guess');
    const { secret } = await enrolledInTotp(w, email);
    await authPost(w, '/v1/password-resets', { email, context: { ip: '203.0.113.7', userAgent: 'e2e' } });
    const token = tokenFromLink((await mailTo(w, email, 'Reset your password')).text, 'reset-password');
    const page = await w.http.get(`/reset-password?token=${token}`);
    expect(page.text).toContain('Two-factor code');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const cookie = (page.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const post = (code: string) =>
      w.http.post('/reset-password').set('Cookie', cookie).type('form').send({ token, _csrf: csrf, newPassword: 'Fresh8Password', repeatPassword: 'Fresh8Password', code });

    // Two wrong codes are free (THROTTLE_ACCOUNT_FREE_FAILURES); then the link cools down.
    for (const wrong of ['000000', '111111']) expect((await post(wrong)).text).toContain('That code is not right');
    const throttled = await post(await totpCode(secret));
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toMatch(/^\d+$/);
    expect(throttled.text).toContain('Too many wrong codes');
    expect((await logIn(w, email, 'Fresh8Password')).status).toBe(401);
  });
});

describe('hosted pages turned off', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden({ env: { HOSTED_PAGES: 'false' } });
  });
  afterAll(() => w.close());

  it('answers 404 on every mailed link path', async () => {
    for (const path of ['/verify-email', '/reset-password', '/verify-ownership', '/confirm-email-change', '/recover-account']) {
      const page = await w.http.get(`${path}?token=x`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('Page not found');
    }
  });
});
