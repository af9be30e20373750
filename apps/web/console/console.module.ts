import { type DynamicModule, Module } from '@nestjs/common';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { CLOCK, READ_STORE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import type { ApiKey } from '../../api/http/api-keys';
import { WebSharedModule } from '../shared/web-shared.module';
import { ComplianceConsoleController } from './compliance-console.controller';
import { ConsoleApis } from './console-api';
import { ConsoleSessions } from './console-sessions';
import { QueuesConsoleController } from './queues-console.controller';
import { SignInController } from './sign-in.controller';
import { StaffAccess } from './staff-access';
import { checkProxyKeys, StaffKeys } from './staff-keys';
import { SupportConsoleController } from './support-console.controller';

/**
 * `/console` (contract §3.5), part of the `api` role. It is given the API keys this
 * process loaded: it checks a presented key at sign-in and calls the API with a key's
 * secret found by name, so sessions never store a secret.
 */
@Module({})
export class ConsoleModule {
  static forRoot(config: WardenConfig, keys: readonly ApiKey[]): DynamicModule {
    const staffKeys = new StaffKeys(keys);
    checkProxyKeys(config.console, staffKeys);
    return {
      module: ConsoleModule,
      imports: [WebSharedModule],
      controllers: [SignInController, SupportConsoleController, QueuesConsoleController, ComplianceConsoleController],
      providers: [
        { provide: StaffKeys, useValue: staffKeys },
        { provide: ConsoleApis, inject: [StaffKeys], useFactory: (staffKeys: StaffKeys) => new ConsoleApis(staffKeys) },
        {
          provide: ConsoleSessions,
          inject: [READ_STORE, CLOCK, WARDEN_CONFIG],
          useFactory: (store: ReadStore, clock: Clock, config: WardenConfig) => {
            if (config.console.signIn === 'off') throw new Error('the console is off');
            return new ConsoleSessions(store, clock, config.console);
          },
        },
        StaffAccess,
      ],
    };
  }
}
