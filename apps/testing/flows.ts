import { randomUUID } from 'node:crypto';
import * as speakeasy from 'speakeasy';
import type { Test } from 'supertest';
import { bearer, CLIENT, type TestWarden } from './warden-harness';
import { tokenFromLink, waitForMail, type OutboxMail } from './outbox';

/** End-user and staff steps over real HTTP, shared by the e2e specs. */

export const PASSWORD = 'Correct7Horse!';

export const uniqueEmail = (label: string) => `${label}.${randomUUID()}@example.com`;

export const authPost = (w: TestWarden, path: string, body: object) => w.http.post(path).set('Authorization', bearer('auth')).send(body);

export const supportGet = (w: TestWarden, path: string) => w.http.get(path).set('Authorization', bearer('support')).set('X-Actor', 'agent-7');

export const supportPost = (w: TestWarden, path: string, body: object = {}) =>
  w.http.post(path).set('Authorization', bearer('support')).set('X-Actor', 'agent-7').send(body);

export const complianceGet = (w: TestWarden, path: string) =>
  w.http.get(path).set('Authorization', bearer('compliance')).set('X-Actor', 'auditor-9');

export const register = (w: TestWarden, email: string, extra: Record<string, unknown> = {}) =>
  authPost(w, '/v1/accounts', { email, password: PASSWORD, displayName: 'Ann Lee', context: CLIENT, ...extra });

export const logIn = (w: TestWarden, email: string, password = PASSWORD, context: object = CLIENT) =>
  authPost(w, '/v1/logins', { email, password, context });

export const introspect = (w: TestWarden, sessionToken: string) => authPost(w, '/v1/sessions/introspect', { sessionToken });

/** The raw body as a string, whatever its content type (superagent leaves application/x-ndjson unparsed). */
export const asText = (req: Test) =>
  req.buffer(true).parse((res, done) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => done(null, body));
  });

/** Waits for the mail with this subject sent to this address. */
export const mailTo = (w: TestWarden, email: string, subject: string | RegExp): Promise<OutboxMail> =>
  waitForMail(w.dataDir, (m) => m.to.includes(email) && (typeof subject === 'string' ? m.subject === subject : subject.test(m.subject)));

/** Registers and confirms the email; returns the account id. */
export async function verifiedAccount(w: TestWarden, email: string): Promise<string> {
  const registered = await register(w, email);
  if (registered.status !== 201) throw new Error(`registration failed: ${JSON.stringify(registered.body)}`);
  const mail = await mailTo(w, email, 'Confirm your email address');
  const confirmed = await authPost(w, '/v1/email-verifications/confirm', { token: tokenFromLink(mail.text, 'verify-email') });
  if (confirmed.status !== 200) throw new Error(`confirmation failed: ${JSON.stringify(confirmed.body)}`);
  return registered.body.accountId as string;
}

/** Logs in and returns the session. */
export async function signedIn(w: TestWarden, email: string, password = PASSWORD, context: object = CLIENT) {
  const res = await logIn(w, email, password, context);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { sessionId: string; sessionToken: string; accountId: string; expiresAt: string };
}

/**
 * The event store's head as a position to wait on (X-Min-Position), for after refused
 * commands, which carry none: an always-202 call for an unknown address reports the head.
 */
export async function headPosition(w: TestWarden): Promise<string> {
  const res = await authPost(w, '/v1/password-resets', { email: uniqueEmail('nobody'), context: CLIENT });
  return res.headers['x-event-position'] as string;
}

const TOTP_STEP_MS = 30_000;

/**
 * A real TOTP code for the step `offset` steps from now, as an authenticator app shows it.
 * Near the end of a step it first waits for the next one, so the code cannot drift out of
 * the server's ±1 step window between here and the request.
 */
export async function totpCode(secret: string, offset = 0): Promise<string> {
  const leftInStep = TOTP_STEP_MS - (Date.now() % TOTP_STEP_MS);
  if (leftInStep < 2_000) await new Promise((resolve) => setTimeout(resolve, leftInStep + 10));
  return speakeasy.totp({ secret, encoding: 'base32', time: Math.floor((Date.now() + offset * TOTP_STEP_MS) / 1000) });
}
