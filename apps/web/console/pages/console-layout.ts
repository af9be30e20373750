import type { Response } from 'express';
import { html, type SafeHtml } from '../../shared/html';
import { layout } from '../../shared/layout';
import { sendHtml } from '../../shared/page-response';
import { CSRF_FIELD } from '../../shared/csrf';
import type { Flash } from '../console-sessions';
import type { StaffRequest } from '../staff-access';

export interface ConsolePageOptions {
  title: string;
  main: SafeHtml;
  status?: number;
  wide?: boolean;
}

/** Every console page: the shared layout with the console's navigation and who is signed in. */
export function sendConsolePage(response: Response, staff: StaffRequest | null, options: ConsolePageOptions): void {
  sendHtml(response, layout({ title: `${options.title} · Console`, main: options.main, nav: staff ? consoleNav(staff) : undefined, wide: options.wide }), options.status ?? 200);
}

function consoleNav(staff: StaffRequest): SafeHtml {
  const links = [
    staff.has('support') ? html`<li><a href="/console/search">Search</a></li><li><a href="/console/queues">Queues</a></li>` : '',
    staff.has('compliance') ? html`<li><a href="/console/compliance">Compliance</a></li>` : '',
  ];
  const signOut = staff.proxied
    ? ''
    : html`<li><form method="post" action="/console/sign-out" class="inline">${csrfField(staff.csrf)}<button type="submit" class="secondary">Sign out</button></form></li>`;
  return html`<ul>${links}<li>Signed in as <strong>${staff.staff.staffId}</strong></li>${signOut}</ul>`;
}

export const csrfField = (token: string): SafeHtml => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;

/** The outcome of the last action: a status message, or an alert for a refusal. */
export function flashNotice(flash: Flash | null): SafeHtml {
  if (!flash) return html``;
  return flash.tone === 'done'
    ? html`<div class="notice ok" role="status"><p>${flash.text}</p></div>`
    : html`<div class="notice error" role="alert"><p>${flash.text}</p></div>`;
}

export function errorNotice(text: string): SafeHtml {
  return html`<div class="notice error" role="alert"><p>${text}</p></div>`;
}

/** `2026-12-02T01:02:03.456Z` → `2026-12-02 01:02:03 UTC`, in a <time> element. */
export function when(iso: string | null | undefined): SafeHtml {
  if (!iso) return html`—`;
  return html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')} UTC</time>`;
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');

/** A wide table that may scroll sideways: focusable and named, so a keyboard can scroll it. */
export function scrollTable(label: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" tabindex="0" role="group" aria-label="${label}">${table}</div>`;
}
