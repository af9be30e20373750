import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer, CLIENT, startWarden, type TestWarden } from '../testing/warden-harness';
import { PASSWORD, register, supportPost, uniqueEmail, verifiedAccount } from '../testing/flows';

/** Hostile input (issue 10 §2): every answer a clear 4xx in the contract's shape, never a 5xx. */
describe('hostile input on the JSON API', () => {
  let w: TestWarden;
  beforeAll(async () => {
    w = await startWarden();
  });
  afterAll(() => w.close());

  const rawPost = (path: string, json: string, scope: 'auth' | 'support' = 'auth') =>
    w.http
      .post(path)
      .set('Authorization', bearer(scope))
      .set('X-Actor', 'agent-7')
      .set('Content-Type', 'application/json')
      .send(json);

  it.each([
    ['arrays', '['.repeat(5000) + ']'.repeat(5000)],
    ['objects', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
    ['a deep field of a real command', JSON.stringify({ email: 'a@example.com', password: PASSWORD, displayName: 'Ann', context: CLIENT }).replace('"Ann"', '['.repeat(3000) + ']'.repeat(3000))],
  ])('refuses %s nested thousands deep with 400 validation_failed before validation', async (_label, json) => {
    expect(json.length).toBeLessThan(64 * 1024);
    const res = await rawPost('/v1/accounts', json);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'validation_failed', message: expect.any(String), details: [{ field: expect.any(String), message: 'must not nest deeper than 32 levels' }] });
  });

  it('still answers 413 for a body over 64 KiB', async () => {
    const res = await rawPost('/v1/accounts', JSON.stringify({ email: 'a'.repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('payload_too_large');
  });

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the prototype key %s as an unknown field', async (key) => {
    const body = `{"email":"${uniqueEmail('proto')}","password":"${PASSWORD}","displayName":"Ann","context":${JSON.stringify(CLIENT)},"${key}":{"polluted":true}}`;
    const res = await rawPost('/v1/accounts', body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'validation_failed', details: [{ field: key, message: 'unknown field' }] });
    const nested = await rawPost('/v1/accounts', body.replace(`"${key}":{"polluted":true}`, '"x":1').replace('"ip"', `"${key}":1,"ip"`));
    expect(nested.status).toBe(400);
    expect(nested.body.details).toContainEqual({ field: `context.${key}`, message: 'unknown field' });
  });

  it('refuses any body but {} on a command that takes none (revoke-all)', async () => {
    const accountId = await verifiedAccount(w, uniqueEmail('bodyless'));
    const path = `/v1/accounts/${accountId}/sessions/revoke-all`;
    for (const json of ['[]', '[1,2]', '"x"', '7', 'null', '{"sessionId":"s"}']) {
      const res = await rawPost(path, json, 'support');
      expect({ json, status: res.status, error: res.body.error }).toEqual({ json, status: 400, error: 'validation_failed' });
    }
    expect((await rawPost(path, '{}', 'support')).status).toBe(200);
    expect((await supportPost(w, path).send()).status).toBe(200);
  });

  it('answers oversized headers with a JSON 431', async () => {
    const { port } = w.server.listen(0).address() as AddressInfo;
    try {
      const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest({ port, path: '/v1/accounts', method: 'GET', headers: { 'X-Padding': 'x'.repeat(70 * 1024) } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(431);
      expect(answer.type).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toEqual({ error: 'headers_too_large', message: expect.any(String) });
    } finally {
      await new Promise((resolve) => w.server.close(resolve));
    }
  });

  it('keeps "JSON in" to the JSON API: a form post elsewhere is no 415', async () => {
    const res = await w.http.post('/not-the-api').set('Content-Type', 'application/x-www-form-urlencoded').send('a=1');
    expect(res.status).toBe(404);
    const api = await w.http.post('/v1/accounts').set('Authorization', bearer('auth')).set('Content-Type', 'application/x-www-form-urlencoded').send('a=1');
    expect(api.status).toBe(415);
  });

  it.each([
    ['NUL', 'Ann\u0000Lee'],
    ['CR/LF (extra lines in a mail)', 'Ann\r\nBcc: victim@example.com'],
    ['a lone surrogate', 'Ann \ud800'],
    ['a right-to-left override', 'Ann \u202Eeel'],
    ['whitespace only', ' \t  '],
    ['invisible characters only', '\u200B\u200B'],
  ])('refuses a displayName with %s', async (_label, displayName) => {
    const res = await register(w, uniqueEmail('name'), { displayName });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'validation_failed', details: [{ field: 'displayName' }] });
  });

  it('stores names in NFC, and refuses CR/LF in a credential label', async () => {
    const email = uniqueEmail('nfc');
    const res = await register(w, email, { displayName: 'Cafe\u0301 Owner' });
    expect(res.status).toBe(201);
    const view = await w.http
      .get(`/v1/accounts/${res.body.accountId}`)
      .set('Authorization', bearer('support'))
      .set('X-Actor', 'agent-7')
      .set('X-Min-Position', res.headers['x-event-position']);
    expect(view.body.displayName).toBe('Caf\u00e9 Owner');
    const label = await w.http.post(`/v1/accounts/${res.body.accountId}/credentials`).set('Authorization', bearer('auth')).send({ label: 'bot\nX-Injected: 1' });
    expect(label.status).toBe(400);
    expect(label.body.details).toEqual([expect.objectContaining({ field: 'label' })]);
  });

  it('takes an email with surrounding spaces as the same address, trimmed (contract §2)', async () => {
    const local = `ann.${Date.now()}`;
    const first = await register(w, `  ${local.toUpperCase()}@Example.com `);
    expect(first.status).toBe(201);
    const again = await register(w, `${local}@example.com`);
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('email_taken');
  });

  it('registers with a plain request still', async () => {
    expect((await register(w, uniqueEmail('plain'))).status).toBe(201);
  });
});
