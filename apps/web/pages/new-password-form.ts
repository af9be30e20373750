import type { PasswordRule } from '@warden/account/password-policy';
import type { FieldError } from './form-fields';
import { weakPasswordMessage } from './password-policy.view';

export const PASSWORD_MAX = 1024;
const CODE = /^[A-Za-z0-9 -]{6,40}$/;

export interface NewPasswordInput {
  newPassword: string;
  errors: FieldError[];
}

/** The two password fields as submitted: both given, and the same. The policy is the command's to check. */
export function readNewPassword(newPassword: string, repeat: string): NewPasswordInput {
  const errors: FieldError[] = [];
  if (newPassword === '') errors.push({ field: 'new-password', message: 'Enter a new password.' });
  else if (repeat !== newPassword) errors.push({ field: 'repeat-password', message: 'The two passwords differ: type the same new password twice.' });
  return { newPassword, errors };
}

/** A TOTP or recovery code as people type it; the command decides whether it is right. */
export function readCode(code: string, field = 'code'): { code: string; errors: FieldError[] } {
  const trimmed = code.trim();
  if (trimmed === '') return { code: trimmed, errors: [{ field, message: field === 'code' ? 'Enter the code from your authenticator app, or a recovery code.' : 'Enter one of your recovery codes.' }] };
  if (!CODE.test(trimmed)) return { code: trimmed, errors: [{ field, message: 'That is not a code: check it and try again.' }] };
  return { code: trimmed, errors: [] };
}

export const weakPasswordError = (failed: readonly PasswordRule[]): FieldError => ({ field: 'new-password', message: weakPasswordMessage(failed) });

export const wrongCodeError = (field = 'code'): FieldError => ({ field, message: 'That code is not right, or it was already used. Check it and try again.' });
