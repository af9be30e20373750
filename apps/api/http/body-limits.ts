import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { assignCorrelationId } from './correlation-id.middleware';
import { ErrorFilter, ErrorReporter } from './error.filter';
import { answerClientErrorsInJson } from './client-errors';
import { refuseHostileJson } from './json-body-shape';
import { JSON_API_PREFIX, requireJsonBody } from './json-only.middleware';
import { createValidationPipe } from './validation.pipe';
import { validationFailed } from './validation-failed';

/** Contract §2: bodies over 64 KiB are `413 payload_too_large`. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export interface HttpOptions {
  /** Told about unexpected errors (500s); Nest's Logger when absent. */
  errorReporter?: ErrorReporter;
}

/**
 * The HTTP conventions that live outside Nest's module system. Call it right after
 * NestFactory.create() and before init()/listen(): the middleware registered here
 * then runs before Nest's own body parsers, whose JSON parser this one replaces.
 */
export function configureHttp(app: NestExpressApplication, options: HttpOptions = {}): void {
  // Client addresses come from the command's `context`, never from X-Forwarded-For.
  app.set('trust proxy', false);
  app.disable('x-powered-by');
  // Before body parsing, so that a 413 or a malformed-JSON answer carries the id too.
  app.use((request: Request, response: Response, next: NextFunction) => {
    assignCorrelationId(request, response);
    next();
  });
  app.use(JSON_API_PREFIX, requireJsonBody);
  app.useBodyParser('json', { limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'] });
  // Depth and prototype keys, checked before any DTO is built (the size limit is the parser's).
  app.use(refuseHostileJson);
  // Nest 11 turns body-parser's SyntaxError into a bare BadRequestException (no cause),
  // losing the field detail; answer it in the contract's shape before Nest sees it.
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => {
    const parseFailed = error instanceof SyntaxError && (error as { type?: unknown }).type === 'entity.parse.failed';
    next(parseFailed ? validationFailed([{ field: 'body', message: 'malformed JSON' }], 'The request body is not valid JSON.') : error);
  });
  // Oversized headers and malformed requests never reach Express: a JSON 431/400 all the same.
  answerClientErrorsInJson(app.getHttpServer());
  app.useGlobalFilters(new ErrorFilter(options.errorReporter));
  app.useGlobalPipes(createValidationPipe());
}
