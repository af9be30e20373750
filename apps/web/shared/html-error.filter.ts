import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { toErrorResponse } from '../../api/http/error-response';
import { loggerErrorReporter } from '../../api/http/error.filter';
import { correlationIdOf } from '../../api/http/request-context';
import { sendHtmlError } from './html-error-page';

/**
 * The HTML routes' counterpart of the API's ErrorFilter: the same status mapping, shown
 * as a page. Unexpected errors are reported by method and path only (never the query
 * string, which may hold a token).
 */
@Catch()
export class HtmlErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const rendered = toErrorResponse(exception);
    if (rendered.unexpected) {
      loggerErrorReporter.unexpected(exception, { method: request.method, path: request.path, correlationId: correlationIdOf(request) });
    }
    if (response.headersSent) {
      response.destroy();
      return;
    }
    for (const [name, value] of Object.entries(rendered.headers)) response.setHeader(name, value);
    sendHtmlError(response, rendered.status);
  }
}
