/**
 * A refusal with a stable code from the contract (`email_taken`, `invalid_state`…).
 * The domain throws it; the HTTP layer maps `status` and renders {error, message, details}.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (code: string, message: string) => new DomainError(code, 404, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError(code, 409, message, details);
export const forbidden = (code: string, message: string, details?: unknown) =>
  new DomainError(code, 403, message, details);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new DomainError(code, 400, message, details);
export const unauthorized = (code: string, message: string) => new DomainError(code, 401, message);
