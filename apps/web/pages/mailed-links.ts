import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { MailedLinkPurpose, MailedLinkView } from '@warden/account/mailed-link';
import { PreviewMailedLinkQuery } from '@warden/application/mailed-links/preview-mailed-link.handler';
import { DomainError } from '@warden/shared/errors';
import { CsrfTokens } from '../shared/csrf';
import { sendHtml } from '../shared/page-response';
import { linkUnusablePage } from './mailed-link.views';
import { tokenOf } from './page-input';

/** What the person was trying to do, for "if you still need to …". */
const WHAT: Readonly<Record<MailedLinkPurpose, string>> = {
  'verify-email': 'confirm your email address',
  'reset-password': 'reset your password',
  'verify-ownership': 'confirm that the account is yours',
  'confirm-email-change': 'change your email address',
  'recover-account': 'recover your account',
};

export interface OpenLink {
  token: string;
  view: MailedLinkView;
  /** The CSRF token for the page's form(s). */
  csrf: string;
}

/** What every page of a mailed link does first, on GET and on POST alike. */
@Injectable()
export class MailedLinks {
  constructor(
    private readonly queries: QueryBus,
    private readonly csrf: CsrfTokens,
  ) {}

  /**
   * The link's token and what it allows; or null, after answering with the "can no
   * longer be used" page, when it is malformed, unknown, used or expired.
   */
  async open(request: Request, response: Response, tokenValue: unknown, purpose: MailedLinkPurpose): Promise<OpenLink | null> {
    const token = tokenOf(tokenValue);
    const view = token ? await this.queries.execute(new PreviewMailedLinkQuery(token, purpose)) : null;
    if (!token || !view?.usable) {
      this.unusable(response, purpose);
      return null;
    }
    return { token, view, csrf: this.csrf.issue(request, response) };
  }

  /** 410: the link is gone, whatever the reason (the same page for every reason). */
  unusable(response: Response, purpose: MailedLinkPurpose): void {
    sendHtml(response, linkUnusablePage(WHAT[purpose]), 410);
  }
}

/** The command refused with this contract error code. */
export function isRefusal(error: unknown, ...codes: string[]): error is DomainError {
  return error instanceof DomainError && codes.includes(error.code);
}
