/**
 * Rules of the OpenAPI specification that its JSON schema cannot express (so a schema
 * validator passes documents that break them; clients generated from such a document
 * break instead), and Warden's own completeness rules for its document. Each returns
 * one line per problem.
 */
interface Parameter {
  name?: string;
  in?: string;
  required?: boolean;
  $ref?: string;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  responses?: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> }>;
}
type PathItem = Record<string, unknown> & { parameters?: Parameter[] };
export interface Document {
  paths: Record<string, PathItem>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(document: Document): { path: string; method: string; operation: Operation; item: PathItem }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] as Operation, item })),
  );
}

/** The specification's rules: path templating, parameter uniqueness, operationIds, references, security names. */
export function specificationProblems(document: Document): string[] {
  const problems: string[] = [];
  const operationIds = new Map<string, string>();
  for (const { path, method, operation, item } of operations(document)) {
    const at = `${method.toUpperCase()} ${path}`;
    const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const inPath = parameters.filter((p) => p.in === 'path');
    for (const name of templated) {
      const declared = inPath.find((p) => p.name === name);
      if (!declared) problems.push(`${at}: path parameter {${name}} is not declared`);
      else if (declared.required !== true) problems.push(`${at}: path parameter {${name}} must be required`);
    }
    for (const p of inPath) if (!templated.includes(p.name ?? '')) problems.push(`${at}: path parameter ${p.name} is not in the path`);
    const seen = new Set<string>();
    for (const p of operation.parameters ?? []) {
      const key = `${p.in}:${(p.in === 'header' ? p.name?.toLowerCase() : p.name) ?? ''}`;
      if (seen.has(key)) problems.push(`${at}: parameter ${p.name} (${p.in}) is declared twice`);
      seen.add(key);
    }
    if (operation.operationId) {
      const other = operationIds.get(operation.operationId);
      if (other) problems.push(`${at}: operationId ${operation.operationId} is also ${other}'s`);
      operationIds.set(operation.operationId, at);
    }
    for (const requirement of operation.security ?? []) {
      for (const scheme of Object.keys(requirement)) {
        if (!document.components?.securitySchemes?.[scheme]) problems.push(`${at}: security scheme ${scheme} is not defined`);
      }
    }
  }
  for (const ref of references(document)) {
    if (!resolves(document, ref)) problems.push(`$ref ${ref} does not resolve`);
  }
  return problems;
}

/** Warden's rules: what a client generator needs from every operation of the API (paths under /v1). */
export function completenessProblems(document: Document): string[] {
  const problems: string[] = [];
  for (const { path, method, operation } of operations(document)) {
    const at = `${method.toUpperCase()} ${path}`;
    const responses = Object.entries(operation.responses ?? {});
    for (const [status, response] of responses) {
      const json = response.content?.['application/json']?.schema;
      if (status.startsWith('2') && status !== '204' && !response.content) problems.push(`${at}: ${status} has no body schema`);
      if (/^[45]/.test(status) && !JSON.stringify(json ?? null).includes('ErrorBody')) problems.push(`${at}: ${status} is not the error body`);
      if (/^[45]/.test(status) && !JSON.stringify(json ?? null).includes('"enum"')) problems.push(`${at}: ${status} does not list its error codes`);
    }
    if (!path.startsWith('/v1/')) continue;
    if (!operation.security?.length) problems.push(`${at}: no security requirement`);
    const headers = new Set((operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name));
    const command = headers.has('Idempotency-Key');
    if (!command && !headers.has('X-Min-Position')) problems.push(`${at}: neither a command (Idempotency-Key) nor a query (X-Min-Position)`);
    for (const [status, response] of responses) {
      if (command && status.startsWith('2') && !response.headers?.['X-Event-Position']) problems.push(`${at}: ${status} lacks X-Event-Position`);
    }
    if (!responses.some(([status]) => status === '401') || !responses.some(([status]) => status === '403')) {
      problems.push(`${at}: 401 and 403 are not both documented`);
    }
  }
  return problems;
}

function references(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => references(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.add(child);
      else references(child, found);
    }
  }
  return found;
}

function resolves(document: Document, ref: string): boolean {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = document;
  for (const part of ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
