import fc from 'fast-check';
import { KEYS } from './warden-harness';

/** One route of the API, as the OpenAPI document lists it (`/v1/accounts/{id}/sessions`). */
export interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

/** A request the fuzzer sends: a route with its parameters filled, headers, and a raw body. */
export interface FuzzRequest {
  method: Route['method'];
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Every route the document names, but the documentation's own. */
export function routesOf(document: { paths: Record<string, Record<string, unknown>> }): Route[] {
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => methods.has(method))
      .map((method) => ({ method: method as Route['method'], path })),
  );
}

/** Field names the DTOs use, plus prototype names: random bodies then reach deep into validation. */
const FIELD_NAMES = [
  'email', 'password', 'displayName', 'username', 'context', 'ip', 'userAgent', 'deviceId', 'token', 'sessionToken',
  'challengeToken', 'code', 'recoveryCode', 'newPassword', 'currentPassword', 'keepSessionId', 'statement', 'decision',
  'note', 'reason', 'policyRef', 'ticketRef', 'graceDays', 'label', 'secret', 'newEmail', 'message',
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf',
];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\r\n', '\u202E', '\ud800', 'ann@example.com', '  Ann@Example.com ', '203.0.113.7', 'Correct7Horse!'),
);

/** JSON values of random shapes, biased towards the DTOs' field names. */
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    text,
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), tie('value'), { maxKeys: 6 }),
})).value;

/** Nesting far beyond any DTO: arrays and objects thousands deep (the 5xx of issue 10). */
const deep = fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.boolean()).map(([depth, arrays]) =>
  arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
);

const body = fc.option(
  fc.oneof(
    { weight: 6, arbitrary: json.map((value) => JSON.stringify(value) ?? 'null') },
    { weight: 2, arbitrary: deep },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }) }, // not JSON at all
  ),
  { nil: undefined, freq: 5 },
);

const param = (ids: readonly string[]) =>
  fc.oneof(fc.constantFrom(...ids), fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent), fc.constantFrom('..', '%00', '%E0%A4%A', 'a'.repeat(300)));

const headerValue = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('x'.repeat(300), '99999999999999999999', '0', '-1'))
  .map((value) => value.replace(/[^\t\u0020-\u007e]/g, '')) // what an HTTP client can send at all
  .filter((value) => value.trim() !== '');

/** Mostly well-formed where it matters (a valid key, an actor), so requests get past the guard. */
const headers = fc
  .record({
    authorization: fc.option(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...Object.values(KEYS)).map((key) => `Bearer ${key}`) }, { weight: 1, arbitrary: headerValue }), { freq: 8 }),
    'x-actor': fc.option(fc.oneof({ weight: 3, arbitrary: fc.constant('agent-7') }, { weight: 1, arbitrary: headerValue }), { freq: 3 }),
    'idempotency-key': fc.option(headerValue),
    'x-min-position': fc.option(headerValue, { freq: 4 }),
    'x-correlation-id': fc.option(headerValue),
    'content-type': fc.option(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/merge-patch+json', 'application/json; charset=latin9') },
      ),
      { freq: 8 },
    ),
  })
  .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null)) as Record<string, string>);

/** Requests over the given routes; `ids` are real account ids etc., so some requests go deep. */
export function fuzzRequests(routes: readonly Route[], ids: readonly string[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom(...routes), fc.array(param(ids), { minLength: 4, maxLength: 4 }), headers, body, fc.option(fc.string({ maxLength: 30 }), { nil: undefined }))
    .map(([route, params, headerSet, rawBody, query]) => {
      let index = 0;
      const path = route.path.replace(/\{[^}]+\}/g, () => params[index++ % params.length]);
      return {
        method: route.method,
        path: query === undefined ? path : `${path}?${encodeURIComponent(query)}=${encodeURIComponent(query)}`,
        headers: rawBody === undefined ? withoutKey(headerSet, 'content-type') : { 'content-type': 'application/json', ...headerSet },
        body: rawBody,
      };
    });
}

function withoutKey(record: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
