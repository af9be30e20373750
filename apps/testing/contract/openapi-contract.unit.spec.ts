import { OpenApiContract, type Exchange, type OpenApiDocument } from './openapi-contract';

const error = (codes: string[]) => ({
  description: 'error',
  content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/ErrorBody' }, { type: 'object', properties: { error: { enum: codes } } }] } } },
});

const DOCUMENT: OpenApiDocument = {
  paths: {
    '/v1/accounts/{id}': {
      get: {
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Account' } } } },
          404: error(['account_not_found']),
        },
      },
    },
    '/v1/accounts/{id}/lock': {
      post: {
        responses: {
          200: { description: 'ok', headers: { 'X-Event-Position': { required: true } }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Account' } } } },
        },
      },
    },
    '/v1/accounts/{id}/sessions/{sessionId}': { delete: { responses: { 204: { description: 'done' } } }, post: { responses: { 201: { description: 'made' } } } },
    '/v1/accounts/{id}/sessions/revoke-all': { post: { responses: { 200: { description: 'done' } } } },
    '/v1/accounts/{id}/history': {
      get: { responses: { 200: { description: 'lines', content: { 'application/x-ndjson': { schema: { $ref: '#/components/schemas/Line' } } } } } },
    },
  },
  components: {
    schemas: {
      ErrorBody: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' }, details: {} } },
      Lock: { type: 'object', required: ['since'], properties: { since: { type: 'string', format: 'date-time' } } },
      Account: {
        type: 'object',
        required: ['accountId', 'lock'],
        properties: { accountId: { type: 'string', format: 'uuid' }, lock: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Lock' }] } },
      },
      Line: { type: 'object', required: ['revision'], properties: { revision: { type: 'integer' } } },
    },
  },
};

const ID = '0b6e7c1e-8a8f-4a55-9d55-0c0f3b6f1a11';
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const exchange = (method: string, url: string, status: number, body: Buffer, headers: Exchange['headers'] = {}): Exchange => ({
  method,
  url,
  status,
  body,
  headers: body.length > 0 && !headers['content-type'] ? { 'content-type': 'application/json; charset=utf-8', ...headers } : headers,
});

describe('OpenApiContract: checks an answer against the document', () => {
  const contract = new OpenApiContract(DOCUMENT);

  it('accepts answers the document describes, nullable references and NDJSON lines included', () => {
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}?x=1`, 200, json({ accountId: ID, lock: null })))).toEqual([]);
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 200, json({ accountId: ID, lock: { since: '2025-01-01T00:00:00.000Z' } })))).toEqual([]);
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 404, json({ error: 'account_not_found', message: 'No such account.' })))).toEqual([]);
    expect(contract.check(exchange('DELETE', `/v1/accounts/${ID}/sessions/${ID}`, 204, Buffer.alloc(0)))).toEqual([]);
    const lines = Buffer.from('{"revision":0}\n{"revision":1}\n');
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}/history`, 200, lines, { 'content-type': 'application/x-ndjson; charset=utf-8' }))).toEqual([]);
  });

  it('refuses a status the operation does not list', () => {
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 500, json({ error: 'internal_error', message: 'x' })))).toEqual([
      expect.stringContaining('GET /v1/accounts/{id} → 500: status not documented (documented: 200, 404)'),
    ]);
  });

  it('refuses a field the schema does not name, a missing required one, a wrong format', () => {
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 200, json({ accountId: ID, lock: null, email: 'a@b.c' })))).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 200, json({ accountId: ID })))).toEqual([expect.stringContaining("must have required property 'lock'")]);
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 200, json({ accountId: 'nope', lock: null })))).toEqual([expect.stringContaining('must match format "uuid"')]);
  });

  it('refuses an error code the route does not list for that status', () => {
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 404, json({ error: 'session_not_found', message: 'x' })))).toEqual([
      expect.stringContaining('must be equal to one of the allowed values'),
    ]);
  });

  it('refuses a missing required header, an undocumented body or content type, a bad NDJSON line', () => {
    expect(contract.check(exchange('POST', `/v1/accounts/${ID}/lock`, 200, json({ accountId: ID, lock: null })))).toEqual([
      expect.stringContaining('required header X-Event-Position is missing'),
    ]);
    expect(contract.check(exchange('DELETE', `/v1/accounts/${ID}/sessions/${ID}`, 204, json({})))).toEqual([expect.stringContaining('documented without a body')]);
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}`, 200, Buffer.from('hi'), { 'content-type': 'text/plain' }))).toEqual([
      expect.stringContaining('content type "text/plain" not documented'),
    ]);
    const lines = Buffer.from('{"revision":0}\n{"revision":"one"}\n');
    expect(contract.check(exchange('GET', `/v1/accounts/${ID}/history`, 200, lines, { 'content-type': 'application/x-ndjson' }))).toEqual([
      expect.stringContaining('must be integer'),
    ]);
  });

  it('refuses an API path or method the document lacks, and leaves other paths (pages, /docs) alone', () => {
    expect(contract.check(exchange('POST', `/v1/accounts/${ID}`, 404, json({ error: 'not_found', message: 'x' })))).toEqual([
      expect.stringContaining('the document has no operation POST for this path'),
    ]);
    expect(contract.check(exchange('GET', '/v1/nothing-here', 404, json({})))).toHaveLength(1);
    expect(contract.check(exchange('GET', '/verify-email?token=x', 200, Buffer.from('<html>'), { 'content-type': 'text/html' }))).toEqual([]);
  });

  it('prefers a literal segment to a parameter when both match', () => {
    expect(contract.check(exchange('POST', `/v1/accounts/${ID}/sessions/revoke-all`, 200, Buffer.alloc(0)))).toEqual([]);
    expect(contract.check(exchange('POST', `/v1/accounts/${ID}/sessions/${ID}`, 201, Buffer.alloc(0)))).toEqual([]);
  });
});
