/**
 * Every `error` code Warden answers, with its HTTP status: the catalogue the OpenAPI
 * document draws each route's error enums from. A code a route can answer but whose
 * route does not declare it fails the e2e contract check (apps/testing/contract).
 */
export const ERROR_STATUS = {
  // 400
  validation_failed: 400,
  weak_password: 400,
  invalid_token: 400,
  // 401
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  // 403
  forbidden: 403,
  email_not_verified: 403,
  account_locked: 403,
  password_disabled: 403,
  account_suspended: 403,
  // 404
  account_not_found: 404,
  session_not_found: 404,
  credential_not_found: 404,
  appeal_not_found: 404,
  recovery_case_not_found: 404,
  username_not_locked: 404,
  // 409
  invalid_state: 409,
  account_exists: 409,
  email_taken: 409,
  username_taken: 409,
  username_locked: 409,
  idempotency_request_in_progress: 409,
  // 413, 415, 422, 429
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  too_many_attempts: 429,
  // 503
  projection_lagging: 503,
  busy: 503,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Codes grouped by status, each group sorted, for one response object per status. */
export function codesByStatus(codes: Iterable<ErrorCode>): Map<number, ErrorCode[]> {
  const groups = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = ERROR_STATUS[code];
    groups.set(status, [...(groups.get(status) ?? []), code].sort());
  }
  return groups;
}
