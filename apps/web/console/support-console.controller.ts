import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HtmlController } from '../shared/html-controller.decorator';
import type { ApiAnswer } from './console-api';
import { formOf, isUuid, notFoundPage, runAction, staffFor, queryText } from './console-gate';
import type { AccountView, ActivityEntry, AuditEntry, Page, SessionEntry } from './contract-shapes';
import { accountPage } from './pages/account.page';
import { utcInstant, type AuditFilter } from './pages/audit-section';
import { errorNotice, sendConsolePage } from './pages/console-layout';
import { html } from '../shared/html';
import { searchPage } from './pages/search.page';
import { inPlainWords } from './plain-words';
import { StaffAccess } from './staff-access';
import { ACCOUNT_ACTIONS, type FormBody } from './support-actions';

/** What an answer holds, or the refusal in plain words. */
const orWords = <T>(answer: ApiAnswer<T>): T | string => (answer.ok ? answer.body : inPlainWords(answer.error));

/** Support pages (contract §3.2 through §3.5): search, the account page and its actions, usernames. */
@HtmlController('console')
export class SupportConsoleController {
  constructor(private readonly access: StaffAccess) {}

  @Get('search')
  async search(@Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    const flash = await staff.takeFlash();
    const q = (queryText(request, 'q') ?? '').trim();
    let results: AccountView[] | string | undefined;
    if (q !== '') {
      const by = q.includes('@') ? { email: q } : { username: q };
      const answer = await staff.api('support')!.get<{ accounts: AccountView[] }>('/v1/support/accounts', by);
      results = answer.ok ? answer.body.accounts : inPlainWords(answer.error);
    }
    sendConsolePage(response, staff, { title: 'Find an account', main: searchPage({ q, results, flash, csrf: staff.csrf }) });
  }

  @Get('accounts/:id')
  async account(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    if (!isUuid(id)) return notFoundPage(response, staff, 'An account id is a UUID.');
    const api = staff.api('support')!;
    const flash = await staff.takeFlash();
    const after = flash?.position;
    const auditFilter: AuditFilter = { type: queryText(request, 'auditType'), from: queryText(request, 'auditFrom'), to: queryText(request, 'auditTo'), cursor: queryText(request, 'auditCursor') };
    const activityCursor = queryText(request, 'activityCursor');
    const path = `/v1/accounts/${id}`;
    const [account, sessions, activity, audit] = await Promise.all([
      api.get<AccountView>(path, {}, after),
      api.get<{ sessions: SessionEntry[] }>(`${path}/sessions`, {}, after),
      api.get<Page<ActivityEntry>>(`${path}/activity`, { cursor: activityCursor, limit: 20 }, after),
      api.get<Page<AuditEntry>>(`${path}/audit`, { type: auditFilter.type, from: utcInstant(auditFilter.from), to: utcInstant(auditFilter.to), cursor: auditFilter.cursor, limit: 25 }, after),
    ]);
    if (!account.ok) {
      if (account.error.error === 'account_not_found') return notFoundPage(response, staff, inPlainWords(account.error));
      return sendConsolePage(response, staff, { title: 'Account', main: accountErrorPage(inPlainWords(account.error)), status: account.status });
    }
    const main = accountPage({
      account: account.body,
      sessions: sessions.ok ? sessions.body.sessions : inPlainWords(sessions.error),
      activity: orWords(activity),
      audit: orWords(audit),
      auditFilter,
      activityCursor,
      flash,
      csrf: staff.csrf,
      canReadHistory: staff.has('compliance'),
    });
    sendConsolePage(response, staff, { title: account.body.email, main, wide: true });
  }

  @Post('accounts/:id/actions/:action')
  async act(@Param('id') id: string, @Param('action') name: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    const action = Object.hasOwn(ACCOUNT_ACTIONS, name) ? ACCOUNT_ACTIONS[name] : undefined;
    if (!isUuid(id) || !action) return notFoundPage(response, staff, 'There is no such action.');
    const form = formOf(request);
    response.redirect(303, await runAction(staff, 'support', form, action.call(id, form), action.done, `/console/accounts/${id}`));
  }

  @Post('accounts/:id/sessions/:sessionId/revoke')
  async revokeSession(@Param('id') id: string, @Param('sessionId') sessionId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    if (!isUuid(id) || !isUuid(sessionId)) return notFoundPage(response, staff, 'There is no such session.');
    const call = { method: 'DELETE' as const, path: `/v1/accounts/${id}/sessions/${sessionId}` };
    response.redirect(303, await runAction(staff, 'support', formOf(request), call, 'The session is ended.', `/console/accounts/${id}`));
  }

  @Post('usernames/lock')
  async lockUsername(@Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    const form = formOf(request);
    const name = usernameSegment(form);
    if (!name) return notFoundPage(response, staff, 'That is not a username.');
    const call = { method: 'PUT' as const, path: `/v1/usernames/${name.segment}/lock`, body: { reason: String(form.reason ?? '').trim() } };
    response.redirect(303, await runAction(staff, 'support', form, call, `The username “${name.username}” is locked: nobody can take it.`, '/console/search'));
  }

  @Post('usernames/release')
  async releaseUsername(@Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    const form = formOf(request);
    const name = usernameSegment(form);
    if (!name) return notFoundPage(response, staff, 'That is not a username.');
    const call = { method: 'DELETE' as const, path: `/v1/usernames/${name.segment}/lock` };
    response.redirect(303, await runAction(staff, 'support', form, call, `The username “${name.username}” is released.`, '/console/search'));
  }
}

const accountErrorPage = (text: string) => html`<h1>Account</h1>${errorNotice(text)}<p><a href="/console/search">Back to search</a></p>`;

/** A path segment: "." and ".." (however encoded) would climb out of the route, so they are refused. */
function usernameSegment(form: FormBody): { username: string; segment: string } | null {
  const username = String(form.username ?? '').trim();
  return username === '' || /^\.{1,2}$/.test(username) ? null : { username, segment: encodeURIComponent(username) };
}
