import { Readable } from 'node:stream';
import { Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HtmlController } from '../shared/html-controller.decorator';
import { isUuid, notFoundPage, staffFor, queryText } from './console-gate';
import type { IntegrityReport } from './contract-shapes';
import { readHistoryPage } from './history-reader';
import { utcInstant } from './pages/audit-section';
import { sendConsolePage } from './pages/console-layout';
import { complianceHome, historyPage, integrityPage, statePage } from './pages/history.page';
import { inPlainWords } from './plain-words';
import { StaffAccess } from './staff-access';

const PAGE_SIZE = 100;

/** Compliance pages (contract §3.3): history, integrity, state as of, the NDJSON download. */
@HtmlController('console/compliance')
export class ComplianceConsoleController {
  constructor(private readonly access: StaffAccess) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'compliance');
    if (!staff) return;
    const accountId = queryText(request, 'accountId')?.trim();
    if (accountId && isUuid(accountId)) return response.redirect(303, `/console/compliance/${accountId.toLowerCase()}/history`);
    const error = accountId ? 'An account id is a UUID, like 3f2b8c1e-…' : undefined;
    sendConsolePage(response, staff, { title: 'Compliance', main: complianceHome(error), status: error ? 400 : 200 });
  }

  @Get(':id/history')
  async history(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'compliance');
    if (!staff) return;
    if (!isUuid(id)) return notFoundPage(response, staff, 'An account id is a UUID.');
    const from = Number(queryText(request, 'from') ?? '0');
    const fromRevision = Number.isInteger(from) && from >= 0 ? from : 0;
    const since = queryText(request, 'since');
    const until = queryText(request, 'until');
    const page = await readHistoryPage(staff.api('compliance')!, id, { fromRevision, size: PAGE_SIZE, since: utcInstant(since), until: utcInstant(until) });
    const main = historyPage({
      accountId: id,
      events: page.ok ? page.events : inPlainWords(page.error),
      hasMore: page.ok && page.hasMore,
      fromRevision,
      size: PAGE_SIZE,
      since,
      until,
    });
    sendConsolePage(response, staff, { title: 'History', main, wide: true, status: page.ok ? 200 : page.error.error === 'account_not_found' ? 404 : 200 });
  }

  @Get(':id/history.ndjson')
  async download(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'compliance');
    if (!staff) return;
    if (!isUuid(id)) return notFoundPage(response, staff, 'An account id is a UUID.');
    const abort = new AbortController();
    response.on('close', () => abort.abort());
    const answer = await staff.api('compliance')!.stream(`/v1/compliance/accounts/${id}/history`, {}, abort.signal);
    if (!answer.ok) return notFoundPage(response, staff, inPlainWords(answer.error));
    response.status(200);
    response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="account-${id}-history.ndjson"`);
    Readable.fromWeb(answer.response.body as import('node:stream/web').ReadableStream<Uint8Array>)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  @Get(':id/integrity')
  async integrity(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'compliance');
    if (!staff) return;
    if (!isUuid(id)) return notFoundPage(response, staff, 'An account id is a UUID.');
    const answer = await staff.api('compliance')!.get<IntegrityReport>(`/v1/compliance/accounts/${id}/integrity`);
    sendConsolePage(response, staff, { title: 'Integrity', main: integrityPage(id, answer.ok ? answer.body : inPlainWords(answer.error)), wide: true });
  }

  @Get(':id/state')
  async state(@Param('id') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'compliance');
    if (!staff) return;
    if (!isUuid(id)) return notFoundPage(response, staff, 'An account id is a UUID.');
    const asOf = queryText(request, 'asOf');
    let state: Record<string, unknown> | string | undefined;
    if (asOf) {
      const instant = utcInstant(asOf);
      const answer = instant ? await staff.api('compliance')!.get<Record<string, unknown>>(`/v1/compliance/accounts/${id}/state`, { asOf: instant }) : undefined;
      state = !answer ? 'Pick a date and a time.' : answer.ok ? answer.body : answer.error.error === 'account_not_found' ? 'The account did not exist yet at that instant.' : inPlainWords(answer.error);
    }
    sendConsolePage(response, staff, { title: 'State as of', main: statePage(id, asOf, state), wide: true });
  }
}
