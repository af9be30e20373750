import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { completenessProblems, specificationProblems, type Document } from '../testing/contract/openapi-rules';
import { startWarden, type TestWarden } from '../testing/warden-harness';

/**
 * The document at /docs-json is valid OpenAPI (contract §3.4): against the specification's
 * JSON schema (@seriousme/openapi-schema-validator, run as a child: the package is ESM
 * only), against the rules that schema cannot express (path templating, references…), and
 * complete enough to generate clients from. Every e2e answer is checked against it too
 * (apps/testing/contract).
 */
const VALIDATOR = join(__dirname, '../../scripts/validate-openapi.mjs');

function validateWithSchema(document: unknown): Promise<{ valid: boolean; version: string; errors: unknown[] }> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [VALIDATOR], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      // Exit code 1 is "invalid", reported in stdout; anything else is the script failing.
      if (error && error.code !== 1) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as { valid: boolean; version: string; errors: unknown[] });
    });
    child.stdin?.end(JSON.stringify(document));
  });
}

describe('OpenAPI document (/docs-json) is valid', () => {
  let w: TestWarden;
  let document: Document & { openapi: string };

  beforeAll(async () => {
    w = await startWarden();
    const res = await w.http.get('/docs-json');
    expect(res.status).toBe(200);
    document = res.body as Document & { openapi: string };
  });
  afterAll(() => w.close());

  it('against the OpenAPI schema of its version, with zero errors', async () => {
    const result = await validateWithSchema(document);
    expect(result.version).toBe(document.openapi.split('.').slice(0, 2).join('.'));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("against the specification's rules the schema cannot express (path parameters, references, operationIds)", () => {
    expect(specificationProblems(document)).toEqual([]);
  });

  it('with a body schema for every answer, the error body with its codes, security and the command or query headers', () => {
    expect(completenessProblems(document)).toEqual([]);
  });

  it('with one bearer scheme per API-key scope', () => {
    expect(document.components?.securitySchemes).toEqual({
      auth: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      support: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      compliance: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });

  it('declares the rules above break on a broken document (the checks can fail)', async () => {
    const broken = structuredClone(document);
    const item = broken.paths['/v1/accounts/{id}/sessions'] as { get: { parameters: { in: string }[]; responses: Record<string, unknown> } };
    item.get.parameters = item.get.parameters.filter((p) => p.in !== 'path');
    item.get.responses['200'] = { description: '' };
    (broken as { info?: unknown }).info = undefined;
    expect((await validateWithSchema(JSON.parse(JSON.stringify(broken)))).valid).toBe(false);
    expect(specificationProblems(broken)).toEqual(['GET /v1/accounts/{id}/sessions: path parameter {id} is not declared']);
    expect(completenessProblems(broken)).toEqual(['GET /v1/accounts/{id}/sessions: 200 has no body schema']);
  });
});
