import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HtmlController } from '../shared/html-controller.decorator';
import { formOf, isUuid, notFoundPage, runAction, staffFor } from './console-gate';
import type { AppealEntry, Page, RecoveryCaseEntry } from './contract-shapes';
import { sendConsolePage } from './pages/console-layout';
import { queuesPage } from './pages/queues.page';
import { inPlainWords } from './plain-words';
import { StaffAccess } from './staff-access';
import type { FormBody } from './support-actions';

const decisionOf = (form: FormBody): 'approve' | 'reject' | null => (form.decision === 'approve' || form.decision === 'reject' ? form.decision : null);
const noteOf = (form: FormBody): string => (typeof form.note === 'string' ? form.note.trim() : '');

/** The support queues (contract §3.2): open lost-2FA recovery cases and appeals, decided here. */
@HtmlController('console/queues')
export class QueuesConsoleController {
  constructor(private readonly access: StaffAccess) {}

  @Get()
  async queues(@Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    const api = staff.api('support')!;
    const flash = await staff.takeFlash();
    const [cases, appeals] = await Promise.all([
      api.get<Page<RecoveryCaseEntry>>('/v1/recovery-cases', { status: 'open', limit: 50 }, flash?.position),
      api.get<Page<AppealEntry>>('/v1/appeals', { status: 'open', limit: 50 }, flash?.position),
    ]);
    const main = queuesPage({
      cases: cases.ok ? cases.body : inPlainWords(cases.error),
      appeals: appeals.ok ? appeals.body : inPlainWords(appeals.error),
      flash,
      csrf: staff.csrf,
    });
    sendConsolePage(response, staff, { title: 'Queues', main, wide: true });
  }

  @Post('recovery-cases/:caseId')
  async decideCase(@Param('caseId') caseId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    const form = formOf(request);
    const decision = decisionOf(form);
    if (!isUuid(caseId) || !decision) return notFoundPage(response, staff, 'There is no such recovery case or decision.');
    const done = decision === 'approve' ? 'Approved: two-factor authentication is off and the owner gets a password-reset link.' : 'Rejected: the owner is told.';
    const call = { method: 'POST' as const, path: `/v1/recovery-cases/${caseId}/decision`, body: { decision, note: noteOf(form) } };
    response.redirect(303, await runAction(staff, 'support', form, call, done, '/console/queues'));
  }

  @Post('appeals/:accountId/:appealId')
  async decideAppeal(@Param('accountId') accountId: string, @Param('appealId') appealId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await staffFor(this.access, request, response, 'support');
    if (!staff) return;
    const form = formOf(request);
    const decision = decisionOf(form);
    if (!isUuid(accountId) || !isUuid(appealId) || !decision) return notFoundPage(response, staff, 'There is no such appeal or decision.');
    const contractDecision = decision === 'approve' ? 'reinstate' : 'uphold';
    const done = decision === 'approve' ? 'Approved: the account is reinstated and the owner is told.' : 'Rejected: the suspension stands and the owner is told.';
    const call = { method: 'POST' as const, path: `/v1/accounts/${accountId}/appeals/${appealId}/decision`, body: { decision: contractDecision, note: noteOf(form) } };
    response.redirect(303, await runAction(staff, 'support', form, call, done, '/console/queues'));
  }
}
