import { html, type SafeHtml } from '../../shared/html';
import type { ActivityEntry, AccountView, AuditEntry, Page, SessionEntry } from '../contract-shapes';
import type { Flash } from '../console-sessions';
import { ACCOUNT_ACTIONS, type ActionField } from '../support-actions';
import { csrfField, errorNotice, flashNotice, when, yesNo, scrollTable } from './console-layout';
import { actionForm, confirmBox, field } from './form-fields';
import { auditSection, type AuditFilter } from './audit-section';

export interface AccountPageData {
  account: AccountView;
  sessions: SessionEntry[] | string;
  activity: Page<ActivityEntry> | string;
  audit: Page<AuditEntry> | string;
  auditFilter: AuditFilter;
  activityCursor?: string;
  flash: Flash | null;
  csrf: string;
  canReadHistory: boolean;
}

const FIELD_LABELS: Readonly<Record<ActionField, { label: string; hint?: string; type?: 'number'; required: boolean; maxLength?: number }>> = {
  reason: { label: 'Reason', hint: 'For the record; never mailed to the owner.', required: true, maxLength: 500 },
  policyRef: { label: 'Policy reference', hint: 'The terms clause; cited in the mail to the owner.', required: true, maxLength: 100 },
  ticketRef: { label: 'Ticket reference', required: true, maxLength: 100 },
  graceDays: { label: 'Grace days', hint: 'Default 7; 0 deletes at once.', type: 'number', required: false },
};

export function accountPage(d: AccountPageData): SafeHtml {
  const a = d.account;
  const base = `/console/accounts/${a.accountId}`;
  return html`<h1>${a.displayName} <span class="hint">${a.email}</span></h1>
${flashNotice(d.flash)}
${d.canReadHistory ? html`<p><a href="/console/compliance/${a.accountId}/history">History of this account</a></p>` : ''}
<section aria-labelledby="state-title"><h2 id="state-title">State</h2>
<dl class="facts">
<dt>Status</dt><dd><strong>${a.status.replace(/_/g, ' ')}</strong></dd>
<dt>Account id</dt><dd><code>${a.accountId}</code></dd>
<dt>Username</dt><dd>${a.username ?? '—'}</dd>
<dt>Email verified</dt><dd>${yesNo(a.emailVerified)}</dd>
<dt>Two-factor (TOTP)</dt><dd>${a.totpEnabled ? 'On' : 'Off'}</dd>
<dt>Password disabled</dt><dd>${yesNo(a.passwordDisabled)}</dd>
<dt>Lock</dt><dd>${a.lock ? html`${a.lock.reason.replace(/_/g, ' ')}, since ${when(a.lock.since)}` : 'Not locked'}</dd>
<dt>Suspension</dt><dd>${a.suspension ? html`${a.suspension.reason} (policy ${a.suspension.policyRef}), since ${when(a.suspension.since)}` : 'Not suspended'}</dd>
<dt>Created</dt><dd>${when(a.createdAt)}</dd>
<dt>Last login</dt><dd>${when(a.lastLoginAt)}</dd>
<dt>Failed logins</dt><dd>${a.failedLoginCount}</dd>
<dt>Password changed</dt><dd>${when(a.passwordChangedAt)}</dd>
</dl></section>
${sessionsSection(base, d.sessions, d.csrf)}
<section aria-labelledby="actions-title"><h2 id="actions-title">Actions</h2><div class="actions">
${Object.entries(ACCOUNT_ACTIONS)
  .filter(([, action]) => action.shownWhen(a))
  .map(([name, action]) =>
    actionForm({
      id: name,
      title: action.title,
      action: `${base}/actions/${name}`,
      csrf: d.csrf,
      fields: action.fields.map((f) => field({ id: `${name}-${f}`, name: f, ...FIELD_LABELS[f], min: f === 'graceDays' ? 0 : undefined })),
      confirm: action.confirm,
      button: action.title,
      danger: action.danger,
    }),
  )}
</div></section>
${activitySection(base, d.activity, d.activityCursor)}
${auditSection(base, d.audit, d.auditFilter)}`;
}

function sessionsSection(base: string, sessions: SessionEntry[] | string, csrf: string): SafeHtml {
  const body =
    typeof sessions === 'string'
      ? errorNotice(sessions)
      : sessions.length === 0
        ? html`<p>No active session.</p>`
        : scrollTable('Active sessions table', html`<table><caption class="visually-hidden">Active sessions</caption>
<thead><tr><th scope="col">Started</th><th scope="col">Last seen</th><th scope="col">IP</th><th scope="col">Device</th><th scope="col">Action</th></tr></thead><tbody>
${sessions.map(
  (s) => html`<tr><td>${when(s.createdAt)}</td><td>${when(s.lastSeenAt)}</td><td>${s.ip}</td><td>${s.userAgent}${s.deviceId ? html` <span class="hint">(${s.deviceId})</span>` : ''}</td>
<td><form method="post" action="${base}/sessions/${s.sessionId}/revoke" aria-label="Revoke session started ${s.createdAt}">${csrfField(csrf)}
${confirmBox(`revoke-${s.sessionId}`, 'Confirm')}<button type="submit" class="danger">Revoke session</button></form></td></tr>`,
)}</tbody></table>`);
  return html`<section aria-labelledby="sessions-title"><h2 id="sessions-title">Active sessions</h2>${body}</section>`;
}

function activitySection(base: string, activity: Page<ActivityEntry> | string, cursor: string | undefined): SafeHtml {
  const body =
    typeof activity === 'string'
      ? errorNotice(activity)
      : activity.entries.length === 0
        ? html`<p>No activity${cursor ? ' before this point' : ''}.</p>`
        : html`<ul class="feed">${activity.entries.map((e) => html`<li>${when(e.occurredAt)} — ${e.description}${e.ip ? html` <span class="hint">from ${e.ip}</span>` : ''}</li>`)}</ul>`;
  const more = typeof activity !== 'string' && activity.nextCursor ? html`<a href="${base}?activityCursor=${encodeURIComponent(activity.nextCursor)}#activity-title">Older activity</a>` : '';
  const newest = cursor ? html` <a href="${base}#activity-title">Newest activity</a>` : '';
  return html`<section aria-labelledby="activity-title"><h2 id="activity-title">Activity feed</h2><p class="hint">What the owner sees of their account's security activity.</p>${body}<p>${more}${newest}</p></section>`;
}
