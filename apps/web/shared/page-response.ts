import type { Response } from 'express';
import type { SafeHtml } from './html';
import { applyHtmlSecurityHeaders } from './security-headers';

/** Sends a rendered page with the HTML security headers (whatever path it is served from). */
export function sendHtml(response: Response, page: SafeHtml, status = 200): void {
  applyHtmlSecurityHeaders(response);
  response.status(status).type('text/html; charset=utf-8').send(page.value);
}
