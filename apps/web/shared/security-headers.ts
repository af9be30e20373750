import type { NextFunction, Request, Response } from 'express';

/**
 * Nothing but the service's own stylesheet, script and images; forms post only to the
 * service; no framing, no <base>. Inline scripts and styles are refused too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export const HTML_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Pages carry tokens in their address: never send it on to anyone.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // A page may show a one-time outcome (a case reference, an error about a token).
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function applyHtmlSecurityHeaders(response: Response): void {
  for (const [name, value] of Object.entries(HTML_SECURITY_HEADERS)) response.setHeader(name, value);
}

/** Express middleware form, for every response under the HTML route prefixes (errors included). */
export function htmlSecurityHeaders(_request: Request, response: Response, next: NextFunction): void {
  applyHtmlSecurityHeaders(response);
  next();
}
