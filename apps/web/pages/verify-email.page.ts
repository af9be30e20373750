import { Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { ConfirmEmailCommand } from '@warden/application/registration/confirm-email.handler';
import { HtmlController } from '../shared/html-controller.decorator';
import { html } from '../shared/html';
import { sendHtml } from '../shared/page-response';
import { linkFormPage, outcomePage } from './mailed-link.views';
import { isRefusal, MailedLinks } from './mailed-links';
import { fieldOf, pageMetadata } from './page-input';

/** `/verify-email?token=`: confirms the address on a button press, never on the GET (mail scanners fetch links). */
@HtmlController('verify-email')
export class VerifyEmailPage {
  constructor(
    private readonly links: MailedLinks,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, request.query.token, 'verify-email');
    if (!link) return;
    sendHtml(
      response,
      linkFormPage({
        title: 'Confirm your email address',
        action: '/verify-email',
        token: link.token,
        csrf: link.csrf,
        intro: html`<p>Press the button to confirm that this email address is yours.</p>`,
        submit: 'Confirm my email address',
      }),
    );
  }

  @Post()
  async submit(@Req() request: Request, @Res() response: Response): Promise<void> {
    const link = await this.links.open(request, response, fieldOf(request.body, 'token', 512), 'verify-email');
    if (!link) return;
    try {
      await this.commands.execute(new ConfirmEmailCommand(link.token, pageMetadata(request)));
    } catch (error) {
      if (isRefusal(error, 'invalid_token')) return this.links.unusable(response, 'verify-email');
      throw error;
    }
    sendHtml(
      response,
      outcomePage('Email address confirmed', html`<p>Thank you: your email address is confirmed.</p><p>You can now sign in where you created your account. You may close this page.</p>`),
    );
  }
}
