import type { PasswordRule } from '@warden/account/password-policy';
import type { Provider } from '@nestjs/common';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { html, type SafeHtml } from '../shared/html';

const RULE_TEXT: Readonly<Record<PasswordRule, string>> = {
  length: '8 to 128 characters',
  max_bytes: 'at most 72 bytes (accented letters and emoji count as more than one)',
  uppercase: 'an upper-case letter',
  lowercase: 'a lower-case letter',
  digit: 'a digit',
  not_identity: 'not your email address or username',
  not_common: 'not a commonly used password',
};

/** The rules of the password policy in force, in the order people read them. */
export function policyRules(compositionRule: boolean): PasswordRule[] {
  return ['length', 'max_bytes', ...(compositionRule ? (['uppercase', 'lowercase', 'digit'] as const) : []), 'not_identity', 'not_common'];
}

/** The rules in force (PASSWORD_COMPOSITION_RULE decides three of them), for the pages that set a password. */
export const PASSWORD_RULES = Symbol('PASSWORD_RULES');

export const passwordRulesProvider: Provider = {
  provide: PASSWORD_RULES,
  inject: [WARDEN_CONFIG],
  useFactory: (config: WardenConfig) => policyRules(config.passwordCompositionRule),
};

export const RULES_LIST_ID = 'password-rules';

/** The policy as a list; rules the last submitted password broke are marked (the script marks them as you type). */
export function rulesList(rules: readonly PasswordRule[], failed: readonly PasswordRule[]): SafeHtml {
  return html`<ul class="rules" id="${RULES_LIST_ID}">${rules.map((rule) => {
    const unmet = failed.includes(rule);
    return html`<li data-rule="${rule}"${unmet ? html` class="unmet"` : ''}>${RULE_TEXT[rule]}${unmet ? html`<span class="visually-hidden"> (not met)</span>` : ''}</li>`;
  })}</ul>`;
}

/** "The new password needs: an upper-case letter; a digit." */
export function weakPasswordMessage(failed: readonly PasswordRule[]): string {
  return `The new password does not meet the policy: it needs ${failed.map((rule) => RULE_TEXT[rule]).join('; ')}.`;
}

/** The rules named in a `weak_password` refusal's details. */
export function failedRulesOf(details: unknown): PasswordRule[] {
  if (!Array.isArray(details)) return [];
  return details
    .map((d: unknown) => (d && typeof d === 'object' ? (d as { rule?: unknown }).rule : undefined))
    .filter((rule): rule is PasswordRule => typeof rule === 'string' && rule in RULE_TEXT);
}
