import { Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CsrfTokens } from '../shared/csrf';
import { HtmlController } from '../shared/html-controller.decorator';
import { sendConsolePage } from './pages/console-layout';
import { proxyRefusedPage, signInPage } from './pages/sign-in.page';
import { StaffAccess, type StaffRequest } from './staff-access';

const field = (request: Request, name: string): string => {
  const value: unknown = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/** Where a signed-in staff member starts: search for support, the account-id form for compliance. */
export const homeOf = (staff: StaffRequest): string => (staff.has('support') ? '/console/search' : '/console/compliance');

@HtmlController('console')
export class SignInController {
  constructor(
    private readonly access: StaffAccess,
    private readonly csrf: CsrfTokens,
  ) {}

  @Get()
  async start(@Req() request: Request, @Res() response: Response): Promise<void> {
    const staff = await this.access.current(request, response);
    if (staff) return response.redirect(303, homeOf(staff));
    if (this.access.mode === 'proxy') return sendConsolePage(response, null, { title: 'No console access', main: proxyRefusedPage(), status: 403 });
    sendConsolePage(response, null, { title: 'Sign in', main: signInPage(this.csrf.issue(request, response), { signedOut: request.query.signedOut === '1' }) });
  }

  @Post('sign-in')
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (this.access.mode === 'proxy') return response.redirect(303, '/console');
    const staffId = field(request, 'staffId');
    const outcome = await this.access.signIn(staffId, field(request, 'apiKey'), response);
    if (outcome === 'signed_in') return response.redirect(303, '/console');
    const error =
      outcome === 'bad_staff_id'
        ? 'Give your staff id: 1 to 200 characters.'
        : 'That API key is not a support or compliance key. Check it and try again.';
    sendConsolePage(response, null, { title: 'Sign in', main: signInPage(this.csrf.issue(request, response), { staffId, error }), status: 401 });
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.access.signOut(request, response);
    response.redirect(303, this.access.mode === 'proxy' ? '/console' : '/console?signedOut=1');
  }
}
