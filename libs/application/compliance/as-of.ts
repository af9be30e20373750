import { DomainError } from '@warden/shared/errors';

/** A date, or a date and time with seconds optional, fraction optional and an explicit zone (Z or ±hh:mm). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * The instant a compliance query looks at: `now` when absent. A time without a zone is
 * refused rather than read in the server's local zone; a bare date is midnight UTC.
 * Invalid: `400 validation_failed` (field `asOf`).
 */
export function parseAsOf(raw: string | undefined, now: Date): Date {
  if (raw === undefined) return now;
  const millis = ISO_INSTANT.test(raw) && isCalendarDate(raw.slice(0, 10)) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(millis)) {
    throw new DomainError('validation_failed', 400, 'The request is invalid.', [
      { field: 'asOf', message: 'asOf must be an ISO-8601 time with a zone, e.g. 2025-01-31T12:00:00Z' },
    ]);
  }
  return new Date(millis);
}

/** Date.parse rolls 2025-02-30 over to March; a reviewer's typo must not silently move the instant. */
function isCalendarDate(yyyyMmDd: string): boolean {
  const [year, month, day] = yyyyMmDd.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when the event had happened by `asOf` (inclusive). */
export const occurredBy = (occurredAt: string, asOf: Date): boolean => Date.parse(occurredAt) <= asOf.getTime();
