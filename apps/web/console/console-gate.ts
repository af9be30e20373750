import type { Request, Response } from 'express';
import type { ConsoleScope } from '@warden/infrastructure/config/console-config';
import { html } from '../shared/html';
import type { ContractCall, FormBody } from './support-actions';
import { errorNotice, sendConsolePage } from './pages/console-layout';
import { inPlainWords } from './plain-words';
import type { StaffAccess, StaffRequest } from './staff-access';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The staff member for a console page of this scope. Otherwise answers itself — to the
 * sign-in page when nobody is signed in, a 403 page without the scope — and returns null.
 */
export async function staffFor(access: StaffAccess, request: Request, response: Response, scope: ConsoleScope): Promise<StaffRequest | null> {
  const staff = await access.current(request, response);
  if (!staff) {
    response.redirect(303, '/console');
    return null;
  }
  if (!staff.has(scope)) {
    const main = html`<h1>Not in your sign-in</h1>${errorNotice(`This page needs the ${scope} scope, which your sign-in does not have.`)}`;
    sendConsolePage(response, staff, { title: 'Not allowed', main, status: 403 });
    return null;
  }
  if (!staff.api(scope)) {
    const main = html`<h1>Sign in again</h1>${errorNotice('The API key of this sign-in is no longer configured. Sign out and sign in again.')}`;
    sendConsolePage(response, staff, { title: 'Sign in again', main, status: 401 });
    return null;
  }
  return staff;
}

export function notFoundPage(response: Response, staff: StaffRequest, what: string): void {
  sendConsolePage(response, staff, { title: 'Not found', main: html`<h1>Not found</h1>${errorNotice(what)}`, status: 404 });
}

/** A non-empty query string parameter, once (a repeated one is ignored). */
export const queryText = (request: Request, name: string): string | undefined => {
  const value = request.query[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

export const formOf = (request: Request): FormBody => (request.body && typeof request.body === 'object' ? (request.body as FormBody) : {});

/**
 * Runs one contract call for a staff action and keeps its outcome for `page`, the page
 * that shows it: the done text and the command's position (read-your-writes), or the
 * refusal in plain words. Returns where to redirect (that page, naming the outcome).
 * Refuses without the confirmation box ticked; the browser asks for it first.
 */
export async function runAction(staff: StaffRequest, scope: ConsoleScope, form: FormBody, call: ContractCall, done: string, page: string): Promise<string> {
  if (form.confirm !== 'yes') return staff.flash({ tone: 'refused', text: 'Nothing was done: tick the confirmation box first.' }, page);
  const api = staff.api(scope);
  if (!api) return staff.flash({ tone: 'refused', text: 'The API key of this sign-in is no longer configured. Sign out and sign in again.' }, page);
  const attempt = typeof form.attempt === 'string' && /^[0-9a-f-]{36}$/.test(form.attempt) ? `console:${form.attempt}` : undefined;
  const answer = await api.send(call.method, call.path, call.body, attempt);
  return staff.flash(answer.ok ? { tone: 'done', text: done, position: answer.position } : { tone: 'refused', text: inPlainWords(answer.error) }, page);
}
