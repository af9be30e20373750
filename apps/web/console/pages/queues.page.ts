import { html, type SafeHtml } from '../../shared/html';
import type { AppealEntry, Page, RecoveryCaseEntry } from '../contract-shapes';
import type { Flash } from '../console-sessions';
import { csrfField, errorNotice, flashNotice, when } from './console-layout';
import { confirmBox, field, newAttempt } from './form-fields';

export interface QueuesPageData {
  cases: Page<RecoveryCaseEntry> | string;
  appeals: Page<AppealEntry> | string;
  flash: Flash | null;
  csrf: string;
}

export function queuesPage(d: QueuesPageData): SafeHtml {
  return html`<h1>Queues</h1>
${flashNotice(d.flash)}
<section aria-labelledby="cases-title"><h2 id="cases-title">Lost-2FA recovery cases</h2>
<p class="hint">Approve: two-factor authentication is turned off and the owner gets a password-reset link. Reject: the owner is told.</p>
${queue(d.cases, (c) => item({ id: c.caseId, email: c.email, accountId: c.accountId, openedAt: c.openedAt, words: c.statement, wordsLabel: 'Statement', action: `/console/queues/recovery-cases/${c.caseId}`, csrf: d.csrf, approve: 'Turn 2FA off and mail a reset link', reject: 'Keep 2FA on' }))}
</section>
<section aria-labelledby="appeals-title"><h2 id="appeals-title">Appeals</h2>
<p class="hint">Approve: the suspension is lifted. Reject: the suspension is upheld. The owner is told either way.</p>
${queue(d.appeals, (a) => item({ id: a.appealId, email: a.email, accountId: a.accountId, openedAt: a.openedAt, words: a.message, wordsLabel: 'Appeal', action: `/console/queues/appeals/${a.accountId}/${a.appealId}`, csrf: d.csrf, approve: 'Reinstate the account', reject: 'Uphold the suspension' }))}
</section>`;
}

function queue<T>(page: Page<T> | string, render: (entry: T) => SafeHtml): SafeHtml {
  if (typeof page === 'string') return errorNotice(page);
  if (page.entries.length === 0) return html`<p>Nothing open.</p>`;
  return html`<ul class="queue">${page.entries.map(render)}</ul>${page.nextCursor ? html`<p class="hint">More are waiting: decide these first.</p>` : ''}`;
}

interface ItemOptions {
  id: string;
  email: string | null;
  accountId: string;
  openedAt: string;
  words: string;
  wordsLabel: string;
  action: string;
  csrf: string;
  approve: string;
  reject: string;
}

/** One open case: who, when, the owner's words, and the decision with a note and a confirmation. */
function item(o: ItemOptions): SafeHtml {
  return html`<li><article aria-labelledby="q-${o.id}">
<h3 id="q-${o.id}"><a href="/console/accounts/${o.accountId}">${o.email ?? o.accountId}</a></h3>
<p>Opened ${when(o.openedAt)}</p>
<blockquote><p><span class="visually-hidden">${o.wordsLabel}: </span>${o.words}</p></blockquote>
<form method="post" action="${o.action}" aria-label="Decide for ${o.email ?? o.accountId}">${csrfField(o.csrf)}<input type="hidden" name="attempt" value="${newAttempt()}">
${field({ id: `note-${o.id}`, name: 'note', label: 'Note', required: true, maxLength: 500, hint: 'Why: kept with the decision.' })}
${confirmBox(`confirm-${o.id}`, 'Confirm the decision')}
<button type="submit" name="decision" value="approve" aria-describedby="approve-${o.id}">Approve</button>
<button type="submit" name="decision" value="reject" class="secondary" aria-describedby="reject-${o.id}">Reject</button>
<span class="visually-hidden" id="approve-${o.id}">${o.approve}</span><span class="visually-hidden" id="reject-${o.id}">${o.reject}</span>
</form></article></li>`;
}
