import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from './error-response';
import { correlationIdOf } from './request-context';
import { ERROR_REPORTER } from './tokens';

/** Where unexpected errors go. Gets the request's method, path and correlation id, never its body. */
export interface ErrorReporter {
  unexpected(error: unknown, request: { method: string; path: string; correlationId?: string }): void;
}

const logger = new Logger('ErrorFilter');

export const loggerErrorReporter: ErrorReporter = {
  unexpected(error, request) {
    const where = `${request.method} ${request.path} correlationId=${request.correlationId ?? '-'}`;
    const stack = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
    logger.error(`Unexpected error on ${where}`, stack);
  },
};

/**
 * Renders every error as `{error, message, details?}` (contract §2). Register it so
 * that it is not request-scoped: only such global filters also see the errors of
 * body parsing, middleware and unknown routes.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly reporter: ErrorReporter;

  constructor(@Optional() @Inject(ERROR_REPORTER) reporter?: ErrorReporter) {
    this.reporter = reporter ?? loggerErrorReporter;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const rendered = toErrorResponse(exception);
    if (rendered.unexpected) {
      // The path only: a query string may hold an email address.
      this.reporter.unexpected(exception, {
        method: request.method,
        path: request.path,
        correlationId: correlationIdOf(request),
      });
    }
    if (response.headersSent) {
      // A streamed answer (e.g. NDJSON history) failed midway: cutting the connection
      // is the only way left to tell the client it is incomplete.
      response.destroy();
      return;
    }
    for (const [name, value] of Object.entries(rendered.headers)) {
      // A header set before the throw (e.g. Retry-After from a throttler) wins.
      if (response.getHeader(name) === undefined) response.setHeader(name, value);
    }
    response.status(rendered.status).json(rendered.body);
  }
}
