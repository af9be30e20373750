import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ApplicationModule } from '@warden/application/application.module';
import { ReadModelQueriesModule } from '@warden/projections/read-model-queries.module';
import { AccountProtectionController } from './protection/account-protection.controller';
import { AccountsController } from './registration/accounts.controller';
import { ComplianceController } from './compliance/compliance.controller';
import { PasswordsController } from './passwords/passwords.controller';
import { TwoFactorController } from './two-factor/two-factor.controller';
import { CredentialsController } from './credentials/credentials.controller';
import { LifecycleController } from './lifecycle/lifecycle.controller';
import { ProfileController } from './profile/profile.controller';
import { EmailVerificationsController } from './registration/email-verifications.controller';
import { HealthController } from './operations/health.controller';
import { LoginsController } from './sign-in/logins.controller';
import { MetricsController } from './operations/metrics.controller';
import { SessionsController } from './sessions/sessions.controller';
import { SupportAccountsController } from './support/support-accounts.controller';
import { SupportQueuesController } from './support/support-queues.controller';
import { ApiKeyRegistry } from './http/api-key-registry';
import { httpProviders } from './http/http.providers';
import { EventPositions } from './positions/event-positions';
import { EventPositionInterceptor } from './http/event-position.interceptor';
import { WebModule } from '../web/web.module';
import { MinPositionInterceptor } from './positions/min-position.interceptor';

/** The `api` role: HTTP in, commands and queries out; no rules of its own. */
@Module({})
export class ApiModule {
  static forRoot(registry: ApiKeyRegistry): DynamicModule {
    return {
      module: ApiModule,
      imports: [ApplicationModule, ReadModelQueriesModule, TerminusModule, WebModule],
      controllers: [
        HealthController,
        MetricsController,
        AccountsController,
        EmailVerificationsController,
        LoginsController,
        SessionsController,
        SupportAccountsController,
        SupportQueuesController,
        PasswordsController,
        AccountProtectionController,
        TwoFactorController,
        LifecycleController,
        ProfileController,
        CredentialsController,
        ComplianceController,
      ],
      providers: [
        ...httpProviders(registry),
        EventPositions,
        // After the idempotency interceptor (httpProviders): a stored answer keeps its position.
        { provide: APP_INTERCEPTOR, useClass: EventPositionInterceptor },
        { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
      ],
    };
  }
}
