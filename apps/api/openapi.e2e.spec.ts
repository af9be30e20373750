import { startWarden, type TestWarden } from '../testing/warden-harness';

/**
 * Every call of CONTRACT.md §3.1–§3.4 must be in the OpenAPI document at /docs-json, with
 * its method, and every call that takes a JSON body must document that body (the DTO's
 * schema, built from its @ApiProperty fields). The list below is the contract's tables,
 * transcribed by hand; a path parameter is written `{name}` as in the contract and
 * compared by position only (the contract says `{sid}` in one table and `{sessionId}` in
 * another for the same route).
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Call {
  section: string;
  method: Method;
  path: string;
  /** Fields of the JSON body as the contract lists them (optional ones and variants merged); absent for no body or `{}`. */
  body?: readonly string[];
}

const call = (section: string, method: Method, path: string, body?: readonly string[]): Call => ({ section, method, path, body });

const CONTRACT_CALLS: readonly Call[] = [
  // §3.1 auth scope
  call('3.1', 'post', '/v1/accounts', ['email', 'password', 'username', 'displayName', 'context']),
  call('3.1', 'post', '/v1/email-verifications/confirm', ['token']),
  call('3.1', 'post', '/v1/email-verifications/resend', ['email']),
  call('3.1', 'post', '/v1/logins', ['email', 'password', 'context']),
  call('3.1', 'post', '/v1/logins/second-factor', ['challengeToken', 'code', 'recoveryCode']),
  call('3.1', 'post', '/v1/sessions/introspect', ['sessionToken']),
  call('3.1', 'post', '/v1/sessions/logout', ['sessionToken']),
  call('3.1', 'get', '/v1/accounts/{id}/sessions'),
  call('3.1', 'delete', '/v1/accounts/{id}/sessions/{sessionId}'),
  call('3.1', 'post', '/v1/accounts/{id}/sessions/revoke-others', ['keepSessionId']),
  call('3.1', 'post', '/v1/password-resets', ['email', 'context']),
  call('3.1', 'post', '/v1/password-resets/complete', ['token', 'newPassword', 'code']),
  call('3.1', 'post', '/v1/accounts/{id}/password', ['currentPassword', 'newPassword', 'keepSessionId']),
  call('3.1', 'post', '/v1/accounts/{id}/ownership-verification'), // body `{}`
  call('3.1', 'post', '/v1/ownership-verifications/complete', ['token', 'code']),
  call('3.1', 'post', '/v1/accounts/{id}/totp/enrollments'), // body `{}`
  call('3.1', 'post', '/v1/accounts/{id}/totp/enrollments/confirm', ['code']),
  call('3.1', 'delete', '/v1/accounts/{id}/totp', ['password', 'code']),
  call('3.1', 'post', '/v1/accounts/{id}/recovery-codes', ['password', 'code']),
  call('3.1', 'post', '/v1/account-recoveries', ['email', 'context']),
  call('3.1', 'post', '/v1/account-recoveries/complete', ['token', 'newPassword', 'recoveryCode', 'statement']),
  call('3.1', 'patch', '/v1/accounts/{id}/profile', ['displayName']),
  call('3.1', 'put', '/v1/accounts/{id}/username', ['username']),
  call('3.1', 'post', '/v1/accounts/{id}/email-changes', ['newEmail', 'password']),
  call('3.1', 'post', '/v1/email-changes/confirm', ['token']),
  call('3.1', 'post', '/v1/accounts/{id}/credentials', ['label']),
  call('3.1', 'get', '/v1/accounts/{id}/credentials'),
  call('3.1', 'post', '/v1/accounts/{id}/credentials/{cid}/regenerate'),
  call('3.1', 'delete', '/v1/accounts/{id}/credentials/{cid}'),
  call('3.1', 'post', '/v1/credentials/introspect', ['secret']),
  call('3.1', 'post', '/v1/accounts/{id}/appeals', ['message']),
  call('3.1', 'get', '/v1/accounts/{id}/activity'),
  // §3.2 support scope (sessions list and delete are the §3.1 routes)
  call('3.2', 'get', '/v1/support/accounts'),
  call('3.2', 'get', '/v1/accounts/{id}'),
  call('3.2', 'post', '/v1/accounts/{id}/sessions/revoke-all'),
  call('3.2', 'get', '/v1/accounts/{id}/audit'),
  call('3.2', 'post', '/v1/accounts/{id}/lock', ['reason']),
  call('3.2', 'post', '/v1/accounts/{id}/unlock', ['reason']),
  call('3.2', 'post', '/v1/accounts/{id}/password/disable', ['reason']),
  call('3.2', 'post', '/v1/accounts/{id}/suspend', ['reason', 'policyRef']),
  call('3.2', 'post', '/v1/accounts/{id}/reinstate', ['reason']),
  call('3.2', 'post', '/v1/accounts/{id}/appeals/{appealId}/decision', ['decision', 'note']),
  call('3.2', 'post', '/v1/recovery-cases/{caseId}/decision', ['decision', 'note']),
  call('3.2', 'get', '/v1/recovery-cases'),
  call('3.2', 'get', '/v1/appeals'),
  call('3.2', 'delete', '/v1/accounts/{id}', ['reason', 'ticketRef', 'graceDays']),
  call('3.2', 'post', '/v1/accounts/{id}/deletion/cancel'),
  call('3.2', 'put', '/v1/usernames/{username}/lock', ['reason']),
  call('3.2', 'delete', '/v1/usernames/{username}/lock'),
  // §3.3 compliance scope
  call('3.3', 'get', '/v1/compliance/accounts/{id}/history'),
  call('3.3', 'get', '/v1/compliance/accounts/{id}/state'),
  call('3.3', 'get', '/v1/compliance/accounts/{id}/integrity'),
  // §3.4 operations (/docs and /docs-json serve the document itself, checked below)
  call('3.4', 'get', '/health/live'),
  call('3.4', 'get', '/health/ready'),
  call('3.4', 'get', '/metrics'),
];

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Schema {
  $ref?: string;
  properties?: Record<string, unknown>;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** `/v1/accounts/{id}/sessions/{sid}` → `/v1/accounts/{}/sessions/{}`. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
const label = (c: Call) => `§${c.section} ${c.method.toUpperCase()} ${c.path}`;

describe('OpenAPI document (/docs-json) covers the contract', () => {
  let w: TestWarden;
  let doc: OpenApiDocument;
  /** Documented operations by path shape. */
  const documented = new Map<string, { path: string; operations: Partial<Record<Method, Operation>> }>();

  beforeAll(async () => {
    w = await startWarden();
    const res = await w.http.get('/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDocument;
    for (const [path, operations] of Object.entries(doc.paths)) documented.set(shape(path), { path, operations });
  });
  afterAll(() => w.close());

  const operationOf = (c: Call): Operation | undefined => documented.get(shape(c.path))?.operations[c.method];

  /** Every property name a body schema documents, following $ref and allOf/oneOf/anyOf. */
  const propertiesOf = (schema: Schema | undefined, seen = new Set<string>()): Set<string> => {
    const names = new Set<string>();
    if (!schema) return names;
    if (schema.$ref) {
      if (seen.has(schema.$ref)) return names;
      seen.add(schema.$ref);
      const target = doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
      return propertiesOf(target, seen);
    }
    Object.keys(schema.properties ?? {}).forEach((n) => names.add(n));
    for (const part of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
      propertiesOf(part, seen).forEach((n) => names.add(n));
    }
    return names;
  };

  it('is served as JSON and as a UI', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    const ui = await w.http.get('/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger-ui');
  });

  it('lists the contract calls once each', () => {
    const keys = CONTRACT_CALLS.map((c) => `${c.method} ${shape(c.path)}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('documents every call of the contract with its method', () => {
    const missing = CONTRACT_CALLS.filter((c) => !operationOf(c)).map((c) => {
      const path = documented.get(shape(c.path));
      const other = path ? ` (documented only as ${Object.keys(path.operations).join(', ').toUpperCase()})` : '';
      return `${label(c)}${other}`;
    });
    if (missing.length > 0) {
      // eslint-disable-next-line no-console
      console.log(`OpenAPI: ${missing.length} of ${CONTRACT_CALLS.length} contract calls are not documented:\n  ${missing.join('\n  ')}`);
    }
    expect(missing).toEqual([]);
  });

  it('documents the JSON body of every call that takes one, with the contract fields', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const c of CONTRACT_CALLS) {
      const operation = operationOf(c);
      if (!operation || c.body === undefined) continue; // a missing call is reported above
      checked++;
      const schema = operation.requestBody?.content?.['application/json']?.schema;
      if (!schema) {
        problems.push(`${label(c)}: no application/json requestBody`);
        continue;
      }
      const properties = propertiesOf(schema);
      const undocumented = c.body.filter((field) => !properties.has(field));
      if (undocumented.length > 0) problems.push(`${label(c)}: body lacks ${undocumented.join(', ')} (documented: ${[...properties].join(', ') || 'none'})`);
    }
    if (problems.length > 0) {
      // eslint-disable-next-line no-console
      console.log(`OpenAPI: ${problems.length} request bodies are not documented as the contract has them:\n  ${problems.join('\n  ')}`);
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('documents nothing under /v1 that the contract does not name', () => {
    const known = new Set(CONTRACT_CALLS.map((c) => `${c.method} ${shape(c.path)}`));
    const extra = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .filter((m) => path.startsWith('/v1/') && !known.has(`${m} ${shape(path)}`))
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(extra).toEqual([]);
  });
});
