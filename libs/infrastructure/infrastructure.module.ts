import { type DynamicModule, Global, Module } from '@nestjs/common';
import { systemClock } from '@warden/shared/clock';
import type { BackingServices } from './backing-services';
import type { WardenConfig } from './config/warden-config';
import { DataKeyring } from './crypto/data-keyring';
import { loadMasterKey } from './crypto/master-key';
import { ServiceKeys } from './crypto/service-keys';
import { AccountEventCodec } from './event-codec/account-event.codec';
import { EventStoreDbEventStore } from './event-store/eventstoredb-event-store';
import { WardenMetrics } from './metrics/warden-metrics';
import { AccountSnapshots } from './snapshots/account-snapshots';
import { CLOCK, EVENT_STORE, JOB_QUEUE, KEY_STORE, MAILER, READ_STORE, WARDEN_CONFIG } from './tokens';

/**
 * Hands the opened backing services and the key material to every module of a process.
 * Opening happens outside Nest (main.ts) so each role opens exactly what it uses, once.
 */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: WardenConfig, services: BackingServices): DynamicModule {
    const masterKey = loadMasterKey(config.masterKey, config.dataDir);
    const keyring = new DataKeyring(services.keys, masterKey);
    const metrics = new WardenMetrics();
    const { events } = services;
    if (events instanceof EventStoreDbEventStore) metrics.observeForeignEvents(() => events.foreignEventsSkipped);
    const providers = [
      { provide: WARDEN_CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: services.events },
      { provide: READ_STORE, useValue: services.read },
      { provide: JOB_QUEUE, useValue: services.queue },
      { provide: MAILER, useValue: services.mailer },
      { provide: KEY_STORE, useValue: services.keys },
      { provide: CLOCK, useValue: systemClock },
      { provide: DataKeyring, useValue: keyring },
      { provide: AccountEventCodec, useValue: new AccountEventCodec(keyring) },
      { provide: AccountSnapshots, useValue: new AccountSnapshots(services.snapshots, keyring) },
      { provide: ServiceKeys, useValue: new ServiceKeys(masterKey) },
      // One registry per app, never prom-client's global one (see WardenMetrics).
      { provide: WardenMetrics, useValue: metrics },
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((p) => p.provide) };
  }
}
