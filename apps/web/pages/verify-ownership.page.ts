import { Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CompleteOwnershipVerificationCommand } from '@warden/application/protection/complete-ownership-verification.handler';
import type { CommandOutcome } from '@warden/application/runner/account-command-runner';
import { HtmlController } from '../shared/html-controller.decorator';
import { html } from '../shared/html';
import { sendHtml } from '../shared/page-response';
import { secondFactorField, type FieldError } from './form-fields';
import { linkFormPage, outcomePage } from './mailed-link.views';
import { isRefusal, MailedLinks, type OpenLink } from './mailed-links';
import { readCode } from './new-password-form';
import { codeRefusal } from './code-refusal';
import { fieldOf, pageMetadata } from './page-input';

/** `/verify-ownership?token=`: "it was me" (with the 2FA code when on), which lifts an unusual-activity lock. */
@HtmlController('verify-ownership')
export class VerifyOwnershipPage {
  constructor(
    private readonly links: MailedLinks,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, request.query.token, 'verify-ownership');
    if (link) this.form(response, link, []);
  }

  @Post()
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, fieldOf(request.body, 'token', 512), 'verify-ownership');
    if (!link) return;
    const code = link.view.secondFactor ? readCode(fieldOf(request.body, 'code', 40)) : undefined;
    if (code && code.errors.length > 0) return this.form(response, link, code.errors, 400);
    let outcome: CommandOutcome;
    try {
      outcome = await this.commands.execute(new CompleteOwnershipVerificationCommand(link.token, code?.code, pageMetadata(request)));
    } catch (error) {
      if (isRefusal(error, 'invalid_token')) return this.links.unusable(response, 'verify-ownership');
      const refused = codeRefusal(error, 'code');
      if (!refused) throw error;
      refused.headersOn(response);
      return this.form(response, link, [refused.error], refused.status);
    }
    const unlocked = outcome.events.some((event) => event.type === 'AccountUnlocked');
    sendHtml(
      response,
      outcomePage(
        unlocked ? 'Account unlocked' : 'Thank you',
        unlocked
          ? html`<p>Thank you for confirming that the account is yours: it is unlocked, and you can sign in again.</p>
<p>If the failed sign-ins were not you, change your password after signing in.</p>`
          : html`<p>Thank you for confirming that the account is yours. You may close this page.</p>`,
      ),
    );
  }

  private form(response: Response, link: OpenLink, errors: FieldError[], status = 200): void {
    sendHtml(
      response,
      linkFormPage({
        title: 'Confirm that this account is yours',
        action: '/verify-ownership',
        token: link.token,
        csrf: link.csrf,
        errors,
        intro: html`<p>We locked your account after unusual sign-in activity. If you are the owner, confirm it here and the account will be unlocked.</p>`,
        fields: link.view.secondFactor ? secondFactorField(errors) : undefined,
        submit: 'Yes, this account is mine',
      }),
      status,
    );
  }
}
