import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '@warden/shared/errors';

/**
 * The JSON API. "JSON in" holds here only: the pages under other paths (apps/web) take
 * HTML form posts with their own parser.
 */
export const JSON_API_PREFIX = '/v1';

/**
 * "JSON in" (contract §2): a request that has a body must declare it as JSON.
 * Without this a form-encoded body would be parsed by Express's default urlencoded
 * parser (with its own, larger limit) and reach the DTOs as strings.
 */
export function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (hasBody(request) && !request.is(['json', '+json'])) {
    next(new DomainError('unsupported_media_type', 415, 'Request bodies must be JSON (Content-Type: application/json).'));
    return;
  }
  next();
}

/** `Content-Length: 0` is no body: fetch sends it on a POST without one. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}
