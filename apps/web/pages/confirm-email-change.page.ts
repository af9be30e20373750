import { Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { ConfirmEmailChangeCommand } from '@warden/application/profile/confirm-email-change.handler';
import { HtmlController } from '../shared/html-controller.decorator';
import { html } from '../shared/html';
import { sendHtml } from '../shared/page-response';
import { linkFormPage, outcomePage, refusalPage } from './mailed-link.views';
import { isRefusal, MailedLinks } from './mailed-links';
import { fieldOf, pageMetadata } from './page-input';

/** `/confirm-email-change?token=`: the new address is confirmed (and claimed) on a button press. */
@HtmlController('confirm-email-change')
export class ConfirmEmailChangePage {
  constructor(
    private readonly links: MailedLinks,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, request.query.token, 'confirm-email-change');
    if (!link) return;
    sendHtml(
      response,
      linkFormPage({
        title: 'Confirm your new email address',
        action: '/confirm-email-change',
        token: link.token,
        csrf: link.csrf,
        intro: html`<p>Press the button to make this address the one your account uses for signing in and for our emails.</p>`,
        submit: 'Confirm new email address',
      }),
    );
  }

  @Post()
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, fieldOf(request.body, 'token', 512), 'confirm-email-change');
    if (!link) return;
    try {
      await this.commands.execute(new ConfirmEmailChangeCommand(link.token, pageMetadata(request)));
    } catch (error) {
      if (isRefusal(error, 'invalid_token')) return this.links.unusable(response, 'confirm-email-change');
      if (isRefusal(error, 'password_disabled')) return sendHtml(response, refusalPage('Reset your password first', 'Your password was disabled for your safety. Reset it (use "Forgot password" where you sign in), then ask for the email change again.'), 409);
      if (isRefusal(error, 'invalid_state', 'email_taken')) return sendHtml(response, refusalPage('The change could not be made', 'This change cannot be completed now. Sign in where you use your account and check your email address there; ask for the change again if you still need it.'), 409);
      throw error;
    }
    sendHtml(
      response,
      outcomePage('Email address changed', html`<p>Your account now uses this email address. Use it to sign in from now on. You may close this page.</p>`),
    );
  }
}

