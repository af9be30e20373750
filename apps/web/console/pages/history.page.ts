import { html, type SafeHtml } from '../../shared/html';
import type { HistoryEvent, IntegrityReport } from '../contract-shapes';
import { errorNotice, when, scrollTable } from './console-layout';
import { query } from './audit-section';
import { field } from './form-fields';

export interface HistoryPageData {
  accountId: string;
  events: HistoryEvent[] | string;
  hasMore: boolean;
  fromRevision: number;
  size: number;
  /** The between-two-instants filter, as the form holds it (datetime-local, UTC). */
  since?: string;
  until?: string;
}

const ERASED = '"[erased]"';

export function historyPage(d: HistoryPageData): SafeHtml {
  const base = `/console/compliance/${d.accountId}`;
  const keep = { since: d.since, until: d.until };
  const next = typeof d.events !== 'string' && d.hasMore ? html`<a href="${base}/history?${query({ ...keep, from: String(d.events[d.events.length - 1].revision + 1) })}">Next ${d.size} events</a>` : '';
  const first = d.fromRevision > 0 ? html`<a href="${base}/history?${query(keep)}">First events</a> ` : '';
  return html`<h1>History <span class="hint">account <code>${d.accountId}</code></span></h1>
${complianceTools(d.accountId)}
<form method="get" action="${base}/history" aria-label="Events between two instants" class="filters">
<fieldset><legend>Events between two instants</legend>
${field({ id: 'since', name: 'since', label: 'From (UTC)', type: 'datetime-local', value: d.since })}
${field({ id: 'until', name: 'until', label: 'To (UTC)', type: 'datetime-local', value: d.until })}
<button type="submit">Show events</button></fieldset></form>
${typeof d.events === 'string' ? errorNotice(d.events) : timeline(d.events)}
<nav aria-label="History pages"><p>${first}${next}</p></nav>`;
}

/** The compliance tools for one account, on each of its pages. */
export function complianceTools(accountId: string): SafeHtml {
  const base = `/console/compliance/${accountId}`;
  return html`<ul class="tools">
<li><a href="${base}/history">History</a></li>
<li><form method="get" action="${base}/integrity" class="inline"><button type="submit">Verify integrity</button></form></li>
<li><a href="${base}/state">State as of…</a></li>
<li><a href="${base}/history.ndjson" download>Download NDJSON</a></li>
</ul>`;
}

function timeline(events: HistoryEvent[]): SafeHtml {
  if (events.length === 0) return html`<p role="status">No event in this range.</p>`;
  return scrollTable('Events table', html`<table><caption class="visually-hidden">Events, oldest first</caption>
<thead><tr><th scope="col">#</th><th scope="col">Time</th><th scope="col">Type</th><th scope="col">Actor</th><th scope="col">Correlation id</th><th scope="col">Data</th></tr></thead><tbody>
${events.map(
  (e) => html`<tr><td>${e.revision}</td><td>${when(e.occurredAt)}</td><td>${e.type}</td><td>${e.actor.type}: ${e.actor.id}${e.actor.onBehalfOf ? ` (for ${e.actor.onBehalfOf})` : ''}</td><td><code>${e.correlationId}</code></td><td><code class="data">${dataOf(e.data)}</code></td></tr>`,
)}</tbody></table>`);
}

/** The event's data as JSON, with every shredded field marked. */
function dataOf(data: unknown): SafeHtml {
  const parts = JSON.stringify(data ?? {}).split(ERASED);
  return html`${parts.map((part, i) => html`${part}${i < parts.length - 1 ? html`<mark>${ERASED}</mark>` : ''}`)}`;
}

export function integrityPage(accountId: string, report: IntegrityReport | string): SafeHtml {
  const outcome =
    typeof report === 'string'
      ? errorNotice(report)
      : report.valid
        ? html`<div class="notice ok" role="status"><p><strong>Valid.</strong> The hash chain holds over all ${report.events} events.</p><p>Head hash: <code>${report.headHash}</code> — keep it elsewhere to detect a removed tail later.</p></div>`
        : html`<div class="notice error" role="alert"><p><strong>Broken</strong> at revision ${report.brokenAt.revision} (event <code>${report.brokenAt.eventId}</code>): ${report.brokenAt.reason.replace(/_/g, ' ')}.</p></div>`;
  return html`<h1>Integrity <span class="hint">account <code>${accountId}</code></span></h1>${complianceTools(accountId)}${outcome}`;
}

export function statePage(accountId: string, asOf: string | undefined, state: Record<string, unknown> | string | undefined): SafeHtml {
  const base = `/console/compliance/${accountId}`;
  const body =
    state === undefined
      ? html`<p>Pick an instant.</p>`
      : typeof state === 'string'
        ? errorNotice(state)
        : html`<section aria-labelledby="state-title"><h2 id="state-title">As of ${when(String(state.asOf))}</h2><dl class="facts">
${Object.entries(state).map(([name, value]) => html`<dt>${name}</dt><dd>${typeof value === 'object' && value !== null ? html`<code class="data">${dataOf(value)}</code>` : String(value ?? '—')}</dd>`)}
</dl></section>`;
  return html`<h1>State as of <span class="hint">account <code>${accountId}</code></span></h1>${complianceTools(accountId)}
<form method="get" action="${base}/state" aria-label="Pick an instant">
${field({ id: 'as-of', name: 'asOf', label: 'State as of (UTC)', type: 'datetime-local', value: asOf, required: true })}
<button type="submit">Show state</button></form>
${body}`;
}

export function complianceHome(error?: string): SafeHtml {
  return html`<h1>Compliance</h1>${error ? errorNotice(error) : ''}
<form method="get" action="/console/compliance" aria-label="Open an account's history">
${field({ id: 'account-id', name: 'accountId', label: 'Account id', required: true, maxLength: 36, hint: 'The account\u2019s UUID.' })}
<button type="submit">Open history</button></form>`;
}
