import { html, type SafeHtml } from '../../shared/html';
import type { AccountView } from '../contract-shapes';
import type { Flash } from '../console-sessions';
import { errorNotice, flashNotice, when, scrollTable } from './console-layout';
import { actionForm, field } from './form-fields';

export interface SearchPageData {
  q: string;
  results?: AccountView[] | string;
  flash: Flash | null;
  csrf: string;
}

export function searchPage(d: SearchPageData): SafeHtml {
  return html`<h1>Find an account</h1>
${flashNotice(d.flash)}
<form method="get" action="/console/search" role="search" aria-label="Find an account">
${field({ id: 'q', name: 'q', label: 'Email or username', type: 'search', value: d.q, required: true, maxLength: 254 })}
<button type="submit">Search</button></form>
${results(d)}
<section aria-labelledby="usernames-title"><h2 id="usernames-title">Usernames</h2><div class="actions">
${actionForm({
  id: 'lock-username',
  title: 'Lock username',
  action: '/console/usernames/lock',
  csrf: d.csrf,
  fields: [field({ id: 'lock-username-name', name: 'username', label: 'Username', required: true, maxLength: 64 }), field({ id: 'lock-username-reason', name: 'reason', label: 'Reason', required: true, maxLength: 500 })],
  confirm: 'Yes, reserve this username: nobody may take it',
  button: 'Lock username',
})}
${actionForm({
  id: 'release-username',
  title: 'Release username',
  action: '/console/usernames/release',
  csrf: d.csrf,
  fields: [field({ id: 'release-username-name', name: 'username', label: 'Username', required: true, maxLength: 64 })],
  confirm: 'Yes, release this username',
  button: 'Release username',
})}
</div></section>`;
}

function results(d: SearchPageData): SafeHtml {
  if (d.results === undefined) return html``;
  if (typeof d.results === 'string') return errorNotice(d.results);
  if (d.results.length === 0) return html`<p role="status">No account has this email or username.</p>`;
  return scrollTable('Search results', html`<table><caption>Accounts matching “${d.q}”</caption>
<thead><tr><th scope="col">Email</th><th scope="col">Username</th><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Created</th></tr></thead><tbody>
${d.results.map(
  (a) => html`<tr><td><a href="/console/accounts/${a.accountId}">${a.email}</a></td><td>${a.username ?? '—'}</td><td>${a.displayName}</td><td>${a.status.replace(/_/g, ' ')}</td><td>${when(a.createdAt)}</td></tr>`,
)}</tbody></table>`);
}
