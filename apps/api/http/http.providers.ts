import type { Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRegistry } from './api-key-registry';
import { BodylessCommandInterceptor } from './bodyless-command.interceptor';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * The Nest-injected half of the HTTP conventions, for the AppModule's `providers`:
 * the key registry, the global guard and the idempotency interceptor. The same module
 * (or a global one) must provide READ_STORE; CLOCK is optional.
 */
export function httpProviders(registry: ApiKeyRegistry): Provider[] {
  return [
    { provide: ApiKeyRegistry, useValue: registry },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    // In this order: a body-less command's refused body reserves no Idempotency-Key.
    { provide: APP_INTERCEPTOR, useClass: BodylessCommandInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ];
}
