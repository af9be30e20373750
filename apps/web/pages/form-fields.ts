import type { PasswordRule } from '@warden/account/password-policy';
import { html, type SafeHtml } from '../shared/html';
import { rulesList, RULES_LIST_ID } from './password-policy.view';

/** A message tied to the input it is about (its id), shown in the summary and at the field. */
export interface FieldError {
  field: string;
  message: string;
}

export const errorFor = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field);

/** The summary at the top of a form: announced, focused on load, each entry a link to its field. */
export function errorSummary(errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="notice error" role="alert" tabindex="-1" data-focus-on-load>
<h2>There is a problem</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

function fieldMessage(error: FieldError | undefined): SafeHtml {
  return error ? html`<p class="notice error" id="${error.field}-error">${error.message}</p>` : html``;
}

const describedBy = (...ids: Array<string | false | undefined>) => ids.filter(Boolean).join(' ');

/** New password and its repeat, with the policy listed under the label. */
export function newPasswordFields(rules: readonly PasswordRule[], failed: readonly PasswordRule[], errors: readonly FieldError[]): SafeHtml {
  const error = errorFor(errors, 'new-password');
  const repeatError = errorFor(errors, 'repeat-password');
  return html`<div class="field">
<label for="new-password">New password</label>
<span class="hint" id="password-hint">Your new password needs:</span>
${rulesList(rules, failed)}
${fieldMessage(error)}
<input id="new-password" name="newPassword" type="password" autocomplete="new-password" required maxlength="1024"
 aria-describedby="${describedBy('password-hint', RULES_LIST_ID, error && 'new-password-error')}"${error ? html` aria-invalid="true"` : ''} data-password-rules="${RULES_LIST_ID}">
</div>
<div class="field">
<label for="repeat-password">New password again</label>
${fieldMessage(repeatError)}
<input id="repeat-password" name="repeatPassword" type="password" autocomplete="new-password" required maxlength="1024"
 ${repeatError ? html`aria-describedby="repeat-password-error" aria-invalid="true" ` : ''}data-repeat-of="new-password">
</div>`;
}

/** The 2FA code: six digits from the authenticator app, or one of the recovery codes. */
export function secondFactorField(errors: readonly FieldError[]): SafeHtml {
  const error = errorFor(errors, 'code');
  return html`<div class="field">
<label for="code">Two-factor code</label>
<span class="hint" id="code-hint">The 6-digit code from your authenticator app, or one of your recovery codes.</span>
${fieldMessage(error)}
<input id="code" name="code" type="text" autocomplete="one-time-code" autocapitalize="off" spellcheck="false" required maxlength="40"
 aria-describedby="${describedBy('code-hint', error && 'code-error')}"${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

export function recoveryCodeField(errors: readonly FieldError[]): SafeHtml {
  const error = errorFor(errors, 'recovery-code');
  return html`<div class="field">
<label for="recovery-code">Recovery code</label>
<span class="hint" id="recovery-code-hint">One of the codes you saved when you turned on two-factor authentication, e.g. abcd234-efgh567-…</span>
${fieldMessage(error)}
<input id="recovery-code" name="recoveryCode" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" required maxlength="40"
 aria-describedby="${describedBy('recovery-code-hint', error && 'recovery-code-error')}"${error ? html` aria-invalid="true"` : ''}>
</div>`;
}

export function statementField(errors: readonly FieldError[], value: string): SafeHtml {
  const error = errorFor(errors, 'statement');
  return html`<div class="field">
<label for="statement">What happened</label>
<span class="hint" id="statement-hint">Tell support how you lost access (for example: phone lost, recovery codes not saved) and anything that shows the account is yours. 10 to 4000 characters.</span>
${fieldMessage(error)}
<textarea id="statement" name="statement" required minlength="10" maxlength="4000"
 aria-describedby="${describedBy('statement-hint', error && 'statement-error')}"${error ? html` aria-invalid="true"` : ''}>${value}</textarea>
</div>`;
}
