import { STATUS_CODES } from 'node:http';
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { HeadersObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CORRELATION_ID_RESPONSE_HEADER } from './correlation-id.headers';
import { codesByStatus, type ErrorCode } from './error-codes';
import { ErrorBodyDto } from './error-body.dto';

const DECLARED_CODES = 'warden:openapi:error-codes';

/** Codes whose answers say when to come back (`Retry-After`, contract §2). */
const RETRY_AFTER_CODES = new Set<ErrorCode>(['too_many_attempts', 'busy']);

/**
 * Declares error answers of a route: one response per status, the contract's error body
 * with `error` restricted to the codes given. Several @ApiErrors on one route (the
 * route's own, its scope's, its kind's) add up: each status lists the union of the codes.
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator {
  return (target, key, descriptor) => {
    const handler = descriptor.value as object;
    const earlier = (Reflect.getMetadata(DECLARED_CODES, handler) as ErrorCode[] | undefined) ?? [];
    const declared = new Set<ErrorCode>([...earlier, ...codes]);
    const before = codesByStatus(earlier);
    Reflect.defineMetadata(DECLARED_CODES, [...declared], handler);
    const responses = [...codesByStatus(declared)].map(([status, group]) =>
      ApiResponse({
        status,
        // Re-declaring a status replaces its schema; an absent description keeps the first.
        description: before.has(status) ? undefined : STATUS_CODES[status],
        schema: errorSchema(group),
        headers: { ...CORRELATION_ID_RESPONSE_HEADER, ...retryAfter(group) },
      }),
    );
    applyDecorators(ApiExtraModels(ErrorBodyDto), ...responses)(target, key, descriptor);
  };
}

/** `Retry-After` where a code of the status sets it; required when every code of it does. */
function retryAfter(codes: readonly ErrorCode[]): HeadersObject {
  if (!codes.some((code) => RETRY_AFTER_CODES.has(code))) return {};
  const required = codes.every((code) => RETRY_AFTER_CODES.has(code));
  return { 'Retry-After': { description: 'seconds to wait before trying again', required, schema: { type: 'integer', minimum: 1 } } };
}

function errorSchema(codes: readonly ErrorCode[]) {
  return {
    allOf: [{ $ref: getSchemaPath(ErrorBodyDto) }, { type: 'object' as const, properties: { error: { type: 'string' as const, enum: [...codes] } } }],
  };
}
