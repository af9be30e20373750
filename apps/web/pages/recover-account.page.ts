import { Get, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { PasswordRule } from '@warden/account/password-policy';
import { CompleteAccountRecoveryCommand, type RecoveryOutcome } from '@warden/application/recovery/complete-account-recovery.handler';
import { HtmlController } from '../shared/html-controller.decorator';
import { html } from '../shared/html';
import { layout } from '../shared/layout';
import { sendHtml } from '../shared/page-response';
import { errorSummary, newPasswordFields, recoveryCodeField, statementField, type FieldError } from './form-fields';
import { linkFormHiddenFields, outcomePage, refusalPage } from './mailed-link.views';
import { isRefusal, MailedLinks, type OpenLink } from './mailed-links';
import { PASSWORD_MAX, readCode, readNewPassword, weakPasswordError } from './new-password-form';
import { codeRefusal } from './code-refusal';
import { fieldOf, pageMetadata } from './page-input';
import { failedRulesOf, PASSWORD_RULES } from './password-policy.view';

const STATEMENT_MIN = 10;
const STATEMENT_MAX = 4000;

interface FormState {
  errors: FieldError[];
  failed: PasswordRule[];
  statement: string;
}

const fresh: FormState = { errors: [], failed: [], statement: '' };

/**
 * `/recover-account?token=`, the lost-2FA flow: a recovery code and a new password
 * (recovered at once), or a statement that opens a case for support (its reference shown).
 */
@HtmlController('recover-account')
export class RecoverAccountPage {
  constructor(
    private readonly links: MailedLinks,
    private readonly commands: CommandBus,
    @Inject(PASSWORD_RULES) private readonly rules: PasswordRule[],
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, request.query.token, 'recover-account');
    if (link) this.forms(response, link, fresh);
  }

  @Post()
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    const body: unknown = request.body;
    const link = await this.links.open(request, response, fieldOf(body, 'token', 512), 'recover-account');
    if (!link) return;
    if (fieldOf(body, 'method', 20) === 'statement') return this.openCase(request, response, link, fieldOf(body, 'statement', STATEMENT_MAX * 2));
    return this.recoverWithCode(request, response, link, body);
  }

  private async recoverWithCode(request: Request, response: Response, link: OpenLink, body: unknown): Promise<void> {
    const code = readCode(fieldOf(body, 'recoveryCode', 40), 'recovery-code');
    const password = readNewPassword(fieldOf(body, 'newPassword', PASSWORD_MAX), fieldOf(body, 'repeatPassword', PASSWORD_MAX));
    const errors = [...code.errors, ...password.errors];
    if (errors.length > 0) return this.forms(response, link, { ...fresh, errors }, 400);
    try {
      await this.run(new CompleteAccountRecoveryCommand(link.token, { recoveryCode: code.code, newPassword: password.newPassword }, pageMetadata(request)));
    } catch (error) {
      const refused = codeRefusal(error, 'recovery-code');
      if (refused) {
        refused.headersOn(response);
        return this.forms(response, link, { ...fresh, errors: [refused.error] }, refused.status);
      }
      if (isRefusal(error, 'weak_password')) {
        const failed = failedRulesOf(error.details);
        return this.forms(response, link, { ...fresh, errors: [weakPasswordError(failed)], failed }, 400);
      }
      return this.refused(response, error);
    }
    sendHtml(
      response,
      outcomePage(
        'Account recovered',
        html`<p>Your new password is set and two-factor authentication is turned off. Every device that was signed in has been signed out.</p>
<p>Sign in with your new password, then turn two-factor authentication on again with your new device.</p>`,
      ),
    );
  }

  private async openCase(request: Request, response: Response, link: OpenLink, statement: string): Promise<void> {
    const trimmed = statement.trim();
    if ([...trimmed].length < STATEMENT_MIN || [...trimmed].length > STATEMENT_MAX) {
      const message = `Tell us what happened in ${STATEMENT_MIN} to ${STATEMENT_MAX} characters.`;
      return this.forms(response, link, { ...fresh, errors: [{ field: 'statement', message }], statement }, 400);
    }
    let outcome: RecoveryOutcome;
    try {
      outcome = await this.run(new CompleteAccountRecoveryCommand(link.token, { statement: trimmed }, pageMetadata(request)));
    } catch (error) {
      return this.refused(response, error);
    }
    sendHtml(
      response,
      outcomePage(
        'Request sent to support',
        html`<p>Support will review your request and email you their decision. If they approve it, the email brings a link to choose a new password.</p>
<p>Your case reference (quote it if you contact support):</p>
<p class="reference" id="case-reference">${outcome.caseId ?? ''}</p>`,
      ),
      202,
    );
  }

  private run(command: CompleteAccountRecoveryCommand): Promise<RecoveryOutcome> {
    return this.commands.execute(command);
  }

  private refused(response: Response, error: unknown): void {
    if (isRefusal(error, 'invalid_token')) return this.links.unusable(response, 'recover-account');
    if (isRefusal(error, 'invalid_state')) {
      return sendHtml(response, refusalPage('Recovery is not possible now', 'This account cannot be recovered with this link at the moment. Ask for a new recovery email where you sign in, or contact support.'), 409);
    }
    throw error;
  }

  private forms(response: Response, link: OpenLink, state: FormState, status = 200): void {
    const title = 'Recover your account';
    const main = html`<h1>${title}</h1>
${errorSummary(state.errors)}
<p>You asked to recover an account protected by two-factor authentication. Choose one way.</p>
<h2 id="with-code">I have a recovery code</h2>
<p>Use one of the codes you saved when you turned two-factor authentication on. You will choose a new password, and two-factor authentication will be turned off.</p>
<form method="post" action="/recover-account" aria-labelledby="with-code">
${linkFormHiddenFields(link.token, link.csrf)}
<input type="hidden" name="method" value="recovery-code">
${recoveryCodeField(state.errors)}
${newPasswordFields(this.rules, state.failed, state.errors)}
<button type="submit">Recover with this code</button>
</form>
<h2 id="without-code">I have no recovery code</h2>
<p>Tell support what happened. They will check it and decide; you will get an email either way.</p>
<form method="post" action="/recover-account" aria-labelledby="without-code">
${linkFormHiddenFields(link.token, link.csrf)}
<input type="hidden" name="method" value="statement">
${statementField(state.errors, state.statement)}
<button type="submit" class="secondary">Ask support for help</button>
</form>`;
    sendHtml(response, layout({ title: state.errors.length > 0 ? `Error: ${title}` : title, main }), status);
  }
}
