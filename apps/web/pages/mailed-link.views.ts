import { CSRF_FIELD } from '../shared/csrf';
import { html, type SafeHtml } from '../shared/html';
import { layout } from '../shared/layout';
import { errorSummary, type FieldError } from './form-fields';

/**
 * Said for unknown, used, replaced and expired links alike, and whether or not there is
 * an account: the page knows no more than the command would tell the API.
 */
export function linkUnusablePage(what: string): SafeHtml {
  return layout({
    title: 'This link can no longer be used',
    main: html`<h1>This link can no longer be used</h1>
<p>Links in our emails work once, and only for a limited time. This one has expired, has already been used, or was replaced by a newer email.</p>
<p>If you still need to ${what}, ask for a new email where you use your account, and open the link in the newest one.</p>`,
  });
}

export interface LinkFormPage {
  title: string;
  /** Path of the page (and of its form). */
  action: string;
  token: string;
  csrf: string;
  intro: SafeHtml;
  fields?: SafeHtml;
  submit: string;
  errors?: readonly FieldError[];
}

/** The hidden fields every form of a mailed link carries: the token (out of the address) and the CSRF token. */
export function linkFormHiddenFields(token: string, csrf: string): SafeHtml {
  return html`<input type="hidden" name="token" value="${token}">
<input type="hidden" name="${CSRF_FIELD}" value="${csrf}">`;
}

/** A page with one form posting to itself. */
export function linkFormPage(page: LinkFormPage): SafeHtml {
  const errors = page.errors ?? [];
  return layout({
    title: errors.length > 0 ? `Error: ${page.title}` : page.title,
    main: html`<h1>${page.title}</h1>
${errorSummary(errors)}
${page.intro}
<form method="post" action="${page.action}">
${linkFormHiddenFields(page.token, page.csrf)}
${page.fields ?? ''}
<button type="submit">${page.submit}</button>
</form>`,
  });
}

/** The end of a flow: what happened and what to do next. */
export function outcomePage(title: string, body: SafeHtml): SafeHtml {
  return layout({ title, main: html`<h1>${title}</h1><div class="notice ok" role="status">${body}</div>` });
}

/** A flow the command refused for a reason the person can act on. */
export function refusalPage(title: string, text: string): SafeHtml {
  return layout({ title, main: html`<h1>${title}</h1><div class="notice error" role="alert"><p>${text}</p></div>` });
}
