import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { openBackingServices, type BackingServices } from '@warden/infrastructure/backing-services';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { InfrastructureModule } from '@warden/infrastructure/infrastructure.module';
import { ApiModule } from './api/api.module';
import { loadApiKeys } from './api/http/api-keys';
import { ApiKeyRegistry } from './api/http/api-key-registry';
import { configureHttp } from './api/http/body-limits';
import { setupOpenApi } from './api/http/swagger';
import { configureWebHttp } from './web/shared/web-http';
import { ConsoleModule } from './web/console/console.module';
import { WardenExpressAdapter } from './api/http/response-status';
import { ProjectorModule } from './projector/projector.module';
import type { Role } from './roles';
import { WorkerModule } from './worker/worker.module';
import { createLogger, NestPinoLogger } from './logging';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import { serveMetrics } from './metrics-server';

export interface RunningWarden {
  app: NestExpressApplication | null;
  services: BackingServices;
  /** Where generated API keys were written, if they were. */
  apiKeysFile?: string;
  close(): Promise<void>;
}

@Module({})
class WardenRootModule {}

/**
 * Builds one process of Warden with the given roles. With `api` it is an HTTP app;
 * otherwise a plain application context that runs the projector and/or the worker.
 */
export async function createWarden(config: WardenConfig, roles: Role[], options: { logDestination?: DestinationStream } = {}): Promise<RunningWarden> {
  const services = await openBackingServices(config);
  const logger = new NestPinoLogger(createLogger(config.logLevel, options.logDestination));
  const imports: Array<Type | DynamicModule> = [InfrastructureModule.forRoot(config, services)];
  let apiKeysFile: string | undefined;
  if (roles.includes('api')) {
    const loaded = loadApiKeys(config.apiKeys, config.dataDir);
    loaded.warnings.forEach((w) => logger.warn(w, 'api-keys'));
    if (loaded.source === 'file') apiKeysFile = loaded.file;
    imports.push(ApiModule.forRoot(new ApiKeyRegistry(loaded.keys)));
    if (config.console.signIn !== 'off') imports.push(ConsoleModule.forRoot(config, loaded.keys));
  }
  if (roles.includes('projector')) imports.push(ProjectorModule);
  if (roles.includes('worker')) imports.push(WorkerModule);
  const root: DynamicModule = { module: WardenRootModule, imports };

  try {
    if (roles.includes('api')) {
      const app = await NestFactory.create<NestExpressApplication>(root, new WardenExpressAdapter(), { logger, bodyParser: false });
      configureHttp(app);
      configureWebHttp(app, { hostedPages: config.hostedPages });
      setupOpenApi(app);
      await app.init();
      return { app, services, apiKeysFile, close: async () => { await app.close(); await services.close(); } };
    }
    const context = await NestFactory.createApplicationContext(root, { logger });
    await context.init();
    const metricsServer = config.metricsPort ? await serveMetrics(context.get(WardenMetrics), config.metricsPort) : undefined;
    return {
      app: null,
      services,
      close: async () => {
        await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
        await context.close();
        await services.close();
      },
    };
  } catch (error) {
    await services.close();
    throw error;
  }
}
