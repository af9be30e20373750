import type { Request } from 'express';

/** One cookie's value from the Cookie header (no cookie-parser: this is all the pages need). */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export interface CookieOptions {
  secure: boolean;
  /** Seconds; a session cookie (gone with the browser) when absent. */
  maxAge?: number;
  path?: string;
}

/** `HttpOnly; SameSite=Strict` always: no script reads it, no other site sends it. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${options.path ?? '/'}`, 'HttpOnly', 'SameSite=Strict'];
  if (options.secure) parts.push('Secure');
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  return parts.join('; ');
}

/** Adds a Set-Cookie without dropping the ones already set on the response. */
export function appendSetCookie(response: { getHeader(name: string): unknown; setHeader(name: string, value: string[]): unknown }, cookie: string): void {
  const existing = response.getHeader('Set-Cookie');
  const list = Array.isArray(existing) ? (existing as string[]) : typeof existing === 'string' ? [existing] : [];
  response.setHeader('Set-Cookie', [...list, cookie]);
}
