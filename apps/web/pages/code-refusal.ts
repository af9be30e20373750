import type { Response } from 'express';
import { isRefusal } from './mailed-links';
import type { FieldError } from './form-fields';
import { wrongCodeError } from './new-password-form';

/** A code the page must ask for again: wrong, or tried too often (429, with the wait). */
export class CodeRefused {
  constructor(
    readonly error: FieldError,
    readonly status: 400 | 429,
    readonly retryAfterSeconds?: number,
  ) {}

  /** Sets Retry-After when the link is cooling down. */
  headersOn(response: Response): void {
    if (this.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(this.retryAfterSeconds));
  }
}

/**
 * How a form shows a command's refusal of its code: a wrong code, or a link cooling down
 * from wrong ones; undefined for any other error. The counting is the command's own
 * (WrongSecretThrottle in the application layer), the same for the pages and the `/v1` calls.
 */
export function codeRefusal(error: unknown, field: string): CodeRefused | undefined {
  if (isRefusal(error, 'invalid_code')) return new CodeRefused(wrongCodeError(field), 400);
  if (!isRefusal(error, 'too_many_attempts')) return undefined;
  const wait = (error.details as { retryAfterSeconds: number }).retryAfterSeconds;
  return new CodeRefused({ field, message: `Too many wrong codes. Wait ${wait} seconds, then try again.` }, 429, wait);
}
