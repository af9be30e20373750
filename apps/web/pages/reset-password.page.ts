import { Get, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { PasswordRule } from '@warden/account/password-policy';
import { CompletePasswordResetCommand } from '@warden/application/passwords/complete-password-reset.handler';
import { HtmlController } from '../shared/html-controller.decorator';
import { html } from '../shared/html';
import { sendHtml } from '../shared/page-response';
import { newPasswordFields, secondFactorField, type FieldError } from './form-fields';
import { linkFormPage, outcomePage } from './mailed-link.views';
import { isRefusal, MailedLinks, type OpenLink } from './mailed-links';
import { PASSWORD_MAX, readCode, readNewPassword, weakPasswordError } from './new-password-form';
import { codeRefusal } from './code-refusal';
import { fieldOf, pageMetadata } from './page-input';
import { failedRulesOf, PASSWORD_RULES } from './password-policy.view';

/** `/reset-password?token=`: a new password twice, and the 2FA code when the account has 2FA. */
@HtmlController('reset-password')
export class ResetPasswordPage {
  constructor(
    private readonly links: MailedLinks,
    private readonly commands: CommandBus,
    @Inject(PASSWORD_RULES) private readonly rules: PasswordRule[],
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, request.query.token, 'reset-password');
    if (link) this.form(response, link, [], []);
  }

  @Post()
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    const body: unknown = request.body;
    const link = await this.links.open(request, response, fieldOf(body, 'token', 512), 'reset-password');
    if (!link) return;
    const password = readNewPassword(fieldOf(body, 'newPassword', PASSWORD_MAX), fieldOf(body, 'repeatPassword', PASSWORD_MAX));
    const code = link.view.secondFactor ? readCode(fieldOf(body, 'code', 40)) : undefined;
    const errors = [...password.errors, ...(code?.errors ?? [])];
    if (errors.length > 0) return this.form(response, link, errors, [], 400);
    try {
      await this.commands.execute(new CompletePasswordResetCommand(link.token, password.newPassword, code?.code, pageMetadata(request)));
    } catch (error) {
      const refused = codeRefusal(error, 'code');
      if (refused) {
        refused.headersOn(response);
        return this.form(response, link, [refused.error], [], refused.status);
      }
      if (isRefusal(error, 'invalid_token')) return this.links.unusable(response, 'reset-password');
      if (isRefusal(error, 'weak_password')) {
        const failed = failedRulesOf(error.details);
        return this.form(response, link, [weakPasswordError(failed)], failed, 400);
      }
      throw error;
    }
    sendHtml(
      response,
      outcomePage(
        'Password changed',
        html`<p>Your new password is set. For your safety, every device that was signed in to your account has been signed out.</p>
<p>Sign in with your new password where you use your account. You may close this page.</p>`,
      ),
    );
  }

  private form(response: Response, link: OpenLink, errors: FieldError[], failed: PasswordRule[], status = 200): void {
    sendHtml(
      response,
      linkFormPage({
        title: 'Choose a new password',
        action: '/reset-password',
        token: link.token,
        csrf: link.csrf,
        errors,
        intro: html`<p>Choose a new password for your account.${link.view.secondFactor ? ' Your account has two-factor authentication, so we also need a code.' : ''}</p>`,
        fields: html`${newPasswordFields(this.rules, failed, errors)}${link.view.secondFactor ? secondFactorField(errors) : ''}`,
        submit: 'Set new password',
      }),
      status,
    );
  }
}
