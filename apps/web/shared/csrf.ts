import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from '@warden/shared/errors';
import { appendSetCookie, readCookie, serializeCookie } from './cookies';

/** The hidden field every form carries. */
export const CSRF_FIELD = '_csrf';

const BINDING = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url

/**
 * Signed double-submit CSRF protection. The browser holds a random binding value in an
 * HttpOnly, SameSite=Strict cookie; each form carries HMAC(csrfKey, binding). Another
 * site can neither read the cookie nor compute the MAC, so it cannot build a form that
 * passes, and the server keeps no state. Secure sites use the `__Host-` prefix, which
 * the browser only accepts from this host over https, on path /, without Domain.
 */
export class CsrfTokens {
  readonly cookieName: string;
  private readonly issued = new WeakMap<Request, string>();

  constructor(
    private readonly key: Buffer,
    private readonly secure: boolean,
  ) {
    this.cookieName = secure ? '__Host-warden_csrf' : 'warden_csrf';
  }

  /** The token for a form on this response; sets the binding cookie when the browser has none. */
  issue(request: Request, response: Response): string {
    let binding = this.bindingOf(request);
    if (!binding) {
      binding = randomBytes(32).toString('base64url');
      appendSetCookie(response, serializeCookie(this.cookieName, binding, { secure: this.secure }));
      // A second form rendered in the same response must use the same binding.
      this.issued.set(request, binding);
    }
    return this.mac(binding);
  }

  /** Throws 403 `csrf_failed` unless the submitted token matches the cookie's binding. */
  verify(request: Request): void {
    const binding = this.bindingOf(request);
    const body: unknown = request.body;
    const submitted = body && typeof body === 'object' ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined;
    if (!binding || typeof submitted !== 'string' || !this.matches(submitted, binding)) {
      throw new DomainError('csrf_failed', 403, 'This form has expired or did not come from this site.');
    }
  }

  private bindingOf(request: Request): string | undefined {
    const issued = this.issued.get(request);
    if (issued) return issued;
    const value = readCookie(request, this.cookieName);
    return value && BINDING.test(value) ? value : undefined;
  }

  private mac(binding: string): string {
    return createHmac('sha256', this.key).update(`csrf:${binding}`).digest('base64url');
  }

  private matches(submitted: string, binding: string): boolean {
    const expected = Buffer.from(this.mac(binding));
    const given = Buffer.from(submitted);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
