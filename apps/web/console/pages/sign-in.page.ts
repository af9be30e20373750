import { html, type SafeHtml } from '../../shared/html';
import { csrfField, errorNotice } from './console-layout';

export function signInPage(csrf: string, options: { staffId?: string; error?: string; signedOut?: boolean } = {}): SafeHtml {
  return html`<h1>Console sign-in</h1>
${options.error ? errorNotice(options.error) : ''}
${options.signedOut ? html`<div class="notice ok" role="status"><p>You are signed out.</p></div>` : ''}
<p>For support staff and compliance reviewers. Sign in with your staff id and a <code>support</code> or <code>compliance</code> API key.</p>
<form method="post" action="/console/sign-in" aria-label="Sign in">
${csrfField(csrf)}
<div class="field"><label for="staff-id">Staff id</label><span class="hint" id="staff-id-hint">Recorded as the actor of everything you do.</span>
<input id="staff-id" name="staffId" type="text" autocomplete="username" required maxlength="200" value="${options.staffId ?? ''}" aria-describedby="staff-id-hint" data-focus-on-load></div>
<div class="field"><label for="api-key">API key</label>
<input id="api-key" name="apiKey" type="password" autocomplete="off" required maxlength="200"></div>
<button type="submit">Sign in</button>
</form>`;
}

export function proxyRefusedPage(): SafeHtml {
  return html`<h1>No console access</h1>
${errorNotice('Your company sign-in did not name you, or none of your groups is mapped to a console scope.')}
<p>Ask whoever runs Warden to add one of your groups to <code>CONSOLE_PROXY_SCOPES</code>.</p>`;
}
