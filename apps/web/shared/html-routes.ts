import type { Request } from 'express';

/**
 * Paths served as HTML pages rather than the JSON API: the hosted pages of the mailed
 * links and the console. Add a prefix here for a new area of pages; /v1 never is one.
 */
export const HTML_ROUTE_PREFIXES: readonly string[] = [
  '/verify-email',
  '/reset-password',
  '/verify-ownership',
  '/confirm-email-change',
  '/recover-account',
  '/console',
];

/** The pages of the mailed links (the paths PUBLIC_URL's links use); HOSTED_PAGES=false turns them off. */
export const HOSTED_PAGE_PATHS: readonly string[] = HTML_ROUTE_PREFIXES.filter((prefix) => prefix !== '/console');

export function isHtmlRoute(path: string): boolean {
  return HTML_ROUTE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * A browser form post to an HTML route: the one kind of request body that is not JSON.
 * The API's "JSON in" middleware lets exactly these through (and web-http.ts parses them).
 */
export function isHtmlFormPost(request: Request): boolean {
  // baseUrl: inside middleware mounted on a prefix, `path` is relative to it.
  return request.method === 'POST' && isHtmlRoute(request.baseUrl + request.path) && request.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded';
}
