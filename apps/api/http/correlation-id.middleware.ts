import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, NestMiddleware } from '@nestjs/common';
import { correlationIdOf, setCorrelationId } from './request-context';

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';
// Restricted so a caller's id is safe to put in logs, events and headers as it is.
const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Takes X-Correlation-Id when it is well formed, generates a UUID otherwise, stores it
 * on the request (`req.correlationId`) and echoes it in the response.
 *
 * configureHttp() mounts it before the body parsers, so even a 413 or malformed-JSON
 * answer carries the id. Mounting it again through a MiddlewareConsumer is harmless.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    assignCorrelationId(request, response);
    next();
  }
}

export function assignCorrelationId(request: IncomingMessage, response: ServerResponse): string {
  const existing = correlationIdOf(request);
  if (existing) return existing;
  const offered = request.headers['x-correlation-id'];
  const correlationId = typeof offered === 'string' && VALID.test(offered) ? offered : randomUUID();
  setCorrelationId(request, correlationId);
  response.setHeader(CORRELATION_ID_HEADER, correlationId);
  return correlationId;
}
