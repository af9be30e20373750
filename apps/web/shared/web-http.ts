import type { NextFunction, Request, Response } from 'express';
import { urlencoded } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { HOSTED_PAGE_PATHS, HTML_ROUTE_PREFIXES, isHtmlFormPost } from './html-routes';
import { htmlSecurityHeaders } from './security-headers';
import { sendHtmlError } from './html-error-page';

/** A page's form holds a few short fields: far below the API's 64 KiB. */
export const FORM_LIMIT_BYTES = 16 * 1024;

export interface WebHttpOptions {
  /** HOSTED_PAGES: serve the pages of the mailed links (default true). */
  hostedPages?: boolean;
}

const parseForm = urlencoded({ extended: false, limit: FORM_LIMIT_BYTES, parameterLimit: 50 });

/**
 * The HTML routes' share of the HTTP set-up, called after `configureHttp`: security
 * headers on every response under the prefixes (errors included) and urlencoded form
 * parsing for those paths only. A form that cannot be parsed gets an HTML error page.
 */
export function configureWebHttp(app: NestExpressApplication, options: WebHttpOptions = {}): void {
  app.use([...HTML_ROUTE_PREFIXES], htmlSecurityHeaders);
  // Off: the paths answer 404 before any page (or its form parsing) is reached.
  if (options.hostedPages === false) app.use([...HOSTED_PAGE_PATHS], (_request: Request, response: Response) => sendHtmlError(response, 404));
  app.use([...HTML_ROUTE_PREFIXES], (request: Request, response: Response, next: NextFunction) => {
    if (!isHtmlFormPost(request)) return next();
    parseForm(request, response, (error?: unknown) => (error ? sendHtmlError(response, statusOf(error)) : next()));
  });
}

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
}
