import { type DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ApplicationModule } from '../../libs/application/application.module';
import { AccountProtectionController } from './controllers/account-protection.controller';
import { AccountsController } from './controllers/accounts.controller';
import { ComplianceController } from './controllers/compliance.controller';
import { PasswordsController } from './controllers/passwords.controller';
import { TwoFactorController } from './controllers/two-factor.controller';
import { CredentialsController } from './controllers/credentials.controller';
import { LifecycleController } from './controllers/lifecycle.controller';
import { ProfileController } from './controllers/profile.controller';
import { EmailVerificationsController } from './controllers/email-verifications.controller';
import { HealthController } from './controllers/health.controller';
import { LoginsController } from './controllers/logins.controller';
import { MetricsController } from './controllers/metrics.controller';
import { SessionsController } from './controllers/sessions.controller';
import { SupportAccountsController } from './controllers/support-accounts.controller';
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
      imports: [ApplicationModule, TerminusModule, WebModule],
      controllers: [
        HealthController,
        MetricsController,
        AccountsController,
        EmailVerificationsController,
        LoginsController,
        SessionsController,
        SupportAccountsController,
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
