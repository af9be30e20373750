import { Module } from '@nestjs/common';
import { PreviewMailedLinkHandler } from '@warden/application/mailed-links/preview-mailed-link.handler';
import { ApplicationModule } from '@warden/application/application.module';
import { WebSharedModule } from '../shared/web-shared.module';
import { ConfirmEmailChangePage } from './confirm-email-change.page';
import { MailedLinks } from './mailed-links';
import { passwordRulesProvider } from './password-policy.view';
import { RecoverAccountPage } from './recover-account.page';
import { ResetPasswordPage } from './reset-password.page';
import { VerifyEmailPage } from './verify-email.page';
import { VerifyOwnershipPage } from './verify-ownership.page';

/**
 * The pages of the links Warden mails. Each posts to itself and dispatches the same
 * command as the API; the only query of their own (PreviewMailedLinkHandler, what a link
 * allows before anything is submitted) is registered here, as nothing else uses it.
 */
@Module({
  imports: [ApplicationModule, WebSharedModule],
  controllers: [VerifyEmailPage, ResetPasswordPage, VerifyOwnershipPage, ConfirmEmailChangePage, RecoverAccountPage],
  providers: [MailedLinks, PreviewMailedLinkHandler, passwordRulesProvider],
})
export class HostedPagesModule {}
