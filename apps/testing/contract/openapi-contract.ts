import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { jsonSchemaOf, type Json } from './json-schema-of';

/** One answer the app gave, as the client saw it. */
export interface Exchange {
  method: string;
  /** Path and query, as requested. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

interface MediaTypeObject {
  schema?: Json;
}
interface ResponseObject {
  headers?: Record<string, { required?: boolean }>;
  content?: Record<string, MediaTypeObject>;
}
interface OperationObject {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject | unknown>>;
  components?: { schemas?: Record<string, Json> };
}

interface Route {
  template: string;
  pattern: RegExp;
  /** Literal segments: `/v1/accounts/{id}/sessions/revoke-all` beats `…/sessions/{sessionId}`. */
  literals: number;
  operations: Record<string, OperationObject>;
}

const DOCUMENT_ID = 'openapi.json';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** Under these prefixes every path is the API's: answering one the document lacks is drift. */
const API_PREFIXES = ['/v1/'];

/**
 * Checks answers against the OpenAPI document: the status must be listed for that path and
 * method, its required headers present, and the body valid against its schema (objects
 * closed, see jsonSchemaOf). Paths outside the document and outside the API (pages, /docs)
 * are not its business.
 */
export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ components: jsonSchemaOf((document.components ?? {}) as Json, DOCUMENT_ID) }, DOCUMENT_ID);
    this.routes = Object.entries(document.paths).map(([template, item]) => {
      const segments = template.split('/');
      return {
        template,
        pattern: new RegExp(`^${segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : escape(s))).join('/')}$`),
        literals: segments.filter((s) => !s.startsWith('{')).length,
        operations: Object.fromEntries(Object.entries(item).filter(([method]) => METHODS.has(method))) as Record<string, OperationObject>,
      };
    });
  }

  /** What is wrong with this answer; empty when the document describes it. */
  check(exchange: Exchange): string[] {
    const method = exchange.method.toLowerCase();
    const path = exchange.url.split('?')[0];
    const label = `${exchange.method} ${path} → ${exchange.status}`;
    const candidates = this.routes.filter((r) => r.pattern.test(path)).sort((a, b) => b.literals - a.literals);
    const route = candidates.find((r) => r.operations[method]);
    if (!route) {
      const isApi = API_PREFIXES.some((prefix) => path.startsWith(prefix));
      return isApi ? [`${label}: the document has no operation ${exchange.method} for this path`] : [];
    }
    const where = `${exchange.method} ${route.template} → ${exchange.status}`;
    const responses = route.operations[method].responses;
    const response = responses[String(exchange.status)] ?? responses[`${String(exchange.status)[0]}XX`] ?? responses.default;
    if (!response) {
      return [`${where}: status not documented (documented: ${Object.keys(responses).join(', ')}); body ${excerpt(exchange.body)}`];
    }
    return [...this.checkHeaders(where, response, exchange), ...this.checkBody(where, response, exchange)];
  }

  private checkHeaders(where: string, response: ResponseObject, exchange: Exchange): string[] {
    return Object.entries(response.headers ?? {})
      .filter(([name, header]) => header.required && exchange.headers[name.toLowerCase()] === undefined)
      .map(([name]) => `${where}: required header ${name} is missing`);
  }

  private checkBody(where: string, response: ResponseObject, exchange: Exchange): string[] {
    const content = response.content;
    if (!content) return exchange.body.length === 0 ? [] : [`${where}: documented without a body, got ${excerpt(exchange.body)}`];
    const contentType = String(exchange.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const media = content[contentType];
    if (!media) return [`${where}: content type "${contentType}" not documented (documented: ${Object.keys(content).join(', ')})`];
    if (!media.schema) return [];
    const validate = this.validatorFor(media.schema);
    const text = exchange.body.toString('utf8');
    const values = contentType === 'application/x-ndjson' ? text.split('\n').filter((line) => line !== '') : [text];
    const problems: string[] = [];
    for (const raw of values) {
      const value = contentType.endsWith('json') ? parse(raw) : raw;
      if (value instanceof Error) problems.push(`${where}: body is not JSON: ${excerpt(Buffer.from(raw))}`);
      else if (!validate(value)) problems.push(`${where}: body does not match its schema: ${this.ajv.errorsText(validate.errors, { dataVar: 'body' })}; body ${excerpt(Buffer.from(raw))}`);
    }
    return problems;
  }

  private validatorFor(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(jsonSchemaOf(schema, DOCUMENT_ID) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function excerpt(body: Buffer): string {
  const text = body.toString('utf8');
  return text.length > 300 ? `${text.slice(0, 300)}…` : text || '(empty)';
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
