import type { ApiError } from './console-api';

/**
 * The contract's refusals (§2, §3) in words a support person reads once and acts on.
 * Codes not listed keep the API's own message, which is already a sentence.
 */
const WORDS: Readonly<Record<string, (error: ApiError) => string>> = {
  account_not_found: () => 'There is no account with this id.',
  session_not_found: () => 'That session has already ended.',
  recovery_case_not_found: () => 'That recovery case is not open any more: someone has already decided it.',
  appeal_not_found: () => 'That appeal is not open any more: someone has already decided it.',
  invalid_state: (e) => `The account's current state does not allow this${statusOf(e)}.`,
  validation_failed: (e) => `Some input was not accepted: ${fieldsOf(e)}.`,
  projection_lagging: () => 'Done, but the page could not catch up with the change in time. Reload in a moment.',
  busy: () => 'Warden is busy with other changes to this account. Try again in a moment.',
  unauthenticated: () => 'The API key of this sign-in is no longer valid. Sign out and sign in again.',
  forbidden: () => 'Your sign-in does not allow this.',
  idempotency_key_reused: () => 'This form was already sent with different values. Reload the page and try again.',
  idempotency_request_in_progress: () => 'This form is still being handled. Reload the page in a moment.',
  username_taken: () => 'That username belongs to an account.',
  username_locked: () => 'That username is already locked.',
};

export function inPlainWords(error: ApiError): string {
  const words = WORDS[error.error];
  return words ? words(error) : error.message || `Warden refused (${error.error}).`;
}

function statusOf(error: ApiError): string {
  const details = error.details as { status?: unknown } | undefined;
  return typeof details?.status === 'string' ? ` (it is ${details.status.replace(/_/g, ' ')})` : '';
}

function fieldsOf(error: ApiError): string {
  const details = Array.isArray(error.details) ? (error.details as { field?: unknown; message?: unknown }[]) : [];
  const parts = details.map((d) => `${String(d.field ?? 'input')}: ${String(d.message ?? 'invalid')}`);
  return parts.length > 0 ? parts.join('; ') : error.message;
}
