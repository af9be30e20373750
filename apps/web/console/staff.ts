import type { ConsoleScope } from '@warden/infrastructure/config/console-config';

/** Who is using the console, and with which API key the console calls the API for them. */
export interface Staff {
  /** Sent as X-Actor on every call, so it is what the events record. */
  readonly staffId: string;
  /**
   * Per scope the staff member holds, the name of the API key (never its secret) the
   * console calls the API with. Signed in with a key: that key for each of its staff
   * scopes; behind a proxy: the key configured for each scope granted.
   */
  readonly keyNames: Readonly<Partial<Record<ConsoleScope, string>>>;
}

export function scopesOf(staff: Staff): ConsoleScope[] {
  return (['support', 'compliance'] as const).filter((scope) => staff.keyNames[scope] !== undefined);
}

const MAX_STAFF_ID = 200;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The same rule the API applies to X-Actor, checked before a session is made. */
export function validStaffId(value: string): string | null {
  const trimmed = value.trim();
  return trimmed !== '' && trimmed.length <= MAX_STAFF_ID && !CONTROL.test(trimmed) ? trimmed : null;
}
