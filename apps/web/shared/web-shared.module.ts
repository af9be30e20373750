import { Module } from '@nestjs/common';
import { CsrfGuard } from './csrf.guard';
import { csrfTokensProvider } from './web-keys';

/**
 * What every module of HTML pages imports: the CSRF tokens and guard that
 * @HtmlController uses (a guard is built in the module of the controller it guards).
 */
@Module({
  providers: [csrfTokensProvider, CsrfGuard],
  exports: [csrfTokensProvider, CsrfGuard],
})
export class WebSharedModule {}
