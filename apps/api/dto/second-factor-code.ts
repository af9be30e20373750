/** A TOTP code (6 digits) or a recovery code, when the account has two-factor authentication. */
export const CODE = /^[A-Za-z0-9-]{6,32}$/;

/** A code from the authenticator app. */
export const TOTP = /^\d{6}$/;

/** One of the ten recovery codes shown at enrolment. */
export const RECOVERY_CODE = /^[A-Za-z0-9 -]{8,40}$/;
