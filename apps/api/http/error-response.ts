import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { DomainError } from '@warden/shared/errors';

/** The contract's error body (§2). */
export interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True when no one anticipated the error: it is reported and its text hidden. */
  unexpected: boolean;
}

/** Codes for HTTP errors that do not name their own (Nest's, Express's, body-parser's). */
const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  410: 'gone',
  411: 'length_required',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_attempts',
  501: 'not_implemented',
  503: 'service_unavailable',
};

const INTERNAL: ErrorBody = { error: 'internal_error', message: 'An unexpected error occurred.' };
const CODE = /^[a-z][a-z0-9_]*$/;

/** Maps anything thrown while serving a request to what the client sees. */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof DomainError) return fromDomainError(exception);
  const parserError = bodyParserError(exception);
  if (parserError) return parserError;
  if (exception instanceof HttpException) return fromHttpException(exception);
  return { status: 500, body: INTERNAL, headers: {}, unexpected: true };
}

function fromDomainError(error: DomainError): ErrorResponse {
  const body: ErrorBody = { error: error.code, message: error.message };
  if (error.details !== undefined) body.details = error.details;
  return { status: error.status, body, headers: retryAfterHeader(error), unexpected: false };
}

/**
 * body-parser's errors carry a `type`. Nest wraps them in an HttpException (its
 * `cause`) before filters see them; both forms are accepted so a change there
 * cannot turn a 413 into a 500.
 */
function bodyParserError(exception: unknown): ErrorResponse | undefined {
  const error = exception instanceof HttpException && exception.cause !== undefined ? exception.cause : exception;
  if (!error || typeof error !== 'object' || !('type' in error) || typeof error.type !== 'string') return undefined;
  const clientError = (status: number, body: ErrorBody): ErrorResponse => ({ status, body, headers: {}, unexpected: false });
  switch (error.type) {
    case 'entity.parse.failed':
      return clientError(400, {
        error: 'validation_failed',
        message: 'The request body is not valid JSON.',
        details: [{ field: 'body', message: 'malformed JSON' }],
      });
    case 'entity.too.large':
    case 'parameters.too.many': {
      const limit = 'limit' in error && typeof error.limit === 'number' ? ` (limit ${error.limit} bytes)` : '';
      return clientError(413, { error: 'payload_too_large', message: `The request body is too large${limit}.` });
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return clientError(415, { error: 'unsupported_media_type', message: 'Unsupported content encoding or charset.' });
    case 'request.aborted':
    case 'request.size.invalid':
      return clientError(400, { error: 'validation_failed', message: 'The request body was incomplete.' });
    default:
      return undefined;
  }
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
  // Already in our shape, e.g. `new HttpException({ error: 'projection_lagging', message }, 503)`.
  if (typeof fields.error === 'string' && CODE.test(fields.error) && typeof fields.message === 'string') {
    const body: ErrorBody = { error: fields.error, message: fields.message };
    if (fields.details !== undefined) body.details = fields.details;
    return { status, body, headers: {}, unexpected: false };
  }
  // 503 is a dependency being down (e.g. a failed health check), not a bug; any other 5xx is.
  if (status >= 500 && status !== 503) return { status, body: INTERNAL, headers: {}, unexpected: true };
  const body: ErrorBody = {
    error: CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'request_failed'),
    message: messageOf(response, status),
  };
  // Keeps e.g. @nestjs/terminus's per-indicator report of a failed readiness check.
  if (fields.details !== undefined) body.details = fields.details;
  return { status, body, headers: {}, unexpected: false };
}

function messageOf(response: string | object, status: number): string {
  if (typeof response === 'string') return response;
  const message = 'message' in response ? response.message : undefined;
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((part) => typeof part === 'string')) return message.join('; ');
  return STATUS_CODES[status] ?? 'Request failed';
}

/** A throttled or lagging answer may say when to come back: `details.retryAfterSeconds`. */
function retryAfterHeader(error: DomainError): Record<string, string> {
  const details = error.details;
  if ((error.status !== 429 && error.status !== 503) || !details || typeof details !== 'object') return {};
  const seconds = 'retryAfterSeconds' in details ? details.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds)
    ? { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) }
    : {};
}
