import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * ~49k commonly used passwords shipped inside @zxcvbn-ts/language-common (no download at
 * run time). Compared lower-cased, so "Password1" counts as "password1".
 */
const COMMON = new Set<string>(dictionary.passwords.map((p: string) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}
