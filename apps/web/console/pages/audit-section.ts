import { SCHEMA_VERSIONS } from '@warden/account/account.events';
import { html, type SafeHtml } from '../../shared/html';
import type { AuditEntry, Page } from '../contract-shapes';
import { errorNotice, when, scrollTable } from './console-layout';
import { field } from './form-fields';

/** The audit trail's filters as the page's query string holds them (datetime-local values, UTC). */
export interface AuditFilter {
  type?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export const EVENT_TYPES: readonly string[] = Object.keys(SCHEMA_VERSIONS).sort();

export function auditSection(base: string, audit: Page<AuditEntry> | string, filter: AuditFilter): SafeHtml {
  const rows =
    typeof audit === 'string'
      ? errorNotice(audit)
      : audit.entries.length === 0
        ? html`<p>No entry matches.</p>`
        : scrollTable('Audit trail table', html`<table><caption class="visually-hidden">Audit trail, newest first</caption>
<thead><tr><th scope="col">Time</th><th scope="col">Type</th><th scope="col">Summary</th><th scope="col">Actor</th><th scope="col">From</th><th scope="col">Correlation id</th></tr></thead><tbody>
${audit.entries.map(
  (e) => html`<tr><td>${when(e.occurredAt)}</td><td>${e.type}</td><td>${e.summary}</td><td>${e.actor ? `${e.actor.type}: ${e.actor.id}` : '—'}</td><td>${e.ip ?? ''}</td><td><code>${e.correlationId}</code></td></tr>`,
)}</tbody></table>`);
  const keep = { auditType: filter.type, auditFrom: filter.from, auditTo: filter.to };
  const more = typeof audit !== 'string' && audit.nextCursor ? html`<a href="${base}?${query({ ...keep, auditCursor: audit.nextCursor })}#audit-title">Older entries</a>` : '';
  const newest = filter.cursor ? html` <a href="${base}?${query(keep)}#audit-title">Newest entries</a>` : '';
  return html`<section aria-labelledby="audit-title"><h2 id="audit-title">Audit trail</h2>
<form method="get" action="${base}" aria-label="Filter the audit trail" class="filters">
<div class="field"><label for="audit-type">Event type</label><select id="audit-type" name="auditType"><option value="">All types</option>
${EVENT_TYPES.map((t) => html`<option value="${t}"${t === filter.type ? html` selected` : ''}>${t}</option>`)}</select></div>
${field({ id: 'audit-from', name: 'auditFrom', label: 'From (UTC)', type: 'datetime-local', value: filter.from })}
${field({ id: 'audit-to', name: 'auditTo', label: 'To (UTC)', type: 'datetime-local', value: filter.to })}
<button type="submit">Filter</button></form>
${rows}<p>${more}${newest}</p></section>`;
}

export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  return search.toString();
}

/** A `datetime-local` value (no zone: the pages say UTC) as ISO-8601 UTC; undefined when empty or malformed. */
export function utcInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?$/.exec(value);
  if (!match) return undefined;
  const iso = `${match[1]}T${match[2]}${match[3] ?? ':00'}Z`;
  return Number.isNaN(Date.parse(iso)) ? undefined : new Date(iso).toISOString();
}
