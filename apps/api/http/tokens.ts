/**
 * Injection tokens the HTTP layer needs from the rest of the app. READ_STORE and
 * CLOCK are the app-wide ones of libs/infrastructure, re-exported: a symbol of our own
 * would be a different token, which nothing in the app provides.
 */
export { CLOCK, READ_STORE } from '@warden/infrastructure/tokens';

/** Optional `ErrorReporter` (error.filter.ts) told about unexpected errors; Nest's Logger otherwise. */
export const ERROR_REPORTER = Symbol('ERROR_REPORTER');
