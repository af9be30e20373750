import { applyDecorators, type Type } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CommandRoute } from '../event-position.interceptor';
import { ApiErrors } from './api-errors.decorator';
import { CORRELATION_ID_RESPONSE_HEADER, CorrelationIdParameter } from './correlation-id.headers';
import type { ErrorCode } from './error-codes';

/** A body that is not JSON, e.g. NDJSON: its media type and the schema of its content (of one line, for NDJSON). */
export interface MediaBody {
  mediaType: string;
  schema: SchemaObject | ReferenceObject;
}

/** What a success answers: a response DTO class, a JSON schema (e.g. a oneOf), another media type, or nothing (204). */
export type SuccessBody = Type<unknown> | SchemaObject | MediaBody | null;
export type SuccessStatus = 200 | 201 | 202 | 204;

/** Codes any route can answer before its handler runs: the body parser and the pipes. */
const REQUEST_ERRORS: ErrorCode[] = ['validation_failed', 'payload_too_large', 'unsupported_media_type'];

/**
 * A command (contract §2): its success answers carry `X-Event-Position`; it accepts
 * `Idempotency-Key` (`422 idempotency_key_reused`, `409 idempotency_request_in_progress`);
 * contention that outlasts its retries is `503 busy` with `Retry-After`. `errors` are the
 * route's own refusals.
 */
export function CommandResponses(successes: Partial<Record<SuccessStatus, SuccessBody>>, ...errors: ErrorCode[]): MethodDecorator {
  return applyDecorators(
    CommandRoute(),
    CorrelationIdParameter(),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Same caller and key within 24 h: the first answer again, nothing appended (1-200 printable characters)',
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }),
    ...successResponses(successes, {
      'X-Event-Position': {
        description: 'position of the last event this command appended (or the store head): send it as X-Min-Position to read your writes',
        required: true,
        schema: { type: 'string' },
      },
    }),
    ApiErrors(...REQUEST_ERRORS, 'idempotency_key_reused', 'idempotency_request_in_progress', 'busy', ...errors),
  );
}

/**
 * A query: answered from read models, so it accepts `X-Min-Position` and waits (at most
 * 2 s, then `503 projection_lagging`) until they have caught up. `errors` are its own.
 */
export function QueryResponses(success: SuccessBody, ...errors: ErrorCode[]): MethodDecorator {
  return applyDecorators(
    CorrelationIdParameter(),
    ApiHeader({
      name: 'X-Min-Position',
      required: false,
      description: 'an X-Event-Position from a command: the answer reflects at least that event',
      schema: { type: 'string' },
    }),
    ...successResponses({ 200: success }),
    ApiErrors(...REQUEST_ERRORS, 'projection_lagging', ...errors),
  );
}

function successResponses(successes: Partial<Record<SuccessStatus, SuccessBody>>, headers?: Record<string, object>): MethodDecorator[] {
  return Object.entries(successes).map(([status, body]) => {
    const content = contentOf(body);
    return ApiResponse({ status: Number(status), description: successDescription(Number(status)), headers: { ...CORRELATION_ID_RESPONSE_HEADER, ...headers }, ...content });
  });
}

function contentOf(body: SuccessBody | undefined) {
  if (body === null || body === undefined) return {};
  if (typeof body === 'function') return { type: body };
  if ('mediaType' in body) return { content: { [body.mediaType]: { schema: body.schema } } };
  return { schema: body };
}

function successDescription(status: number): string {
  return { 200: 'Done', 201: 'Created', 202: 'Accepted', 204: 'Done; no body' }[status] ?? String(status);
}
