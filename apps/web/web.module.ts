import { Module } from '@nestjs/common';
import { HostedPagesModule } from './pages/hosted-pages.module';
import { AssetsController } from './shared/assets.controller';
import { WebSharedModule } from './shared/web-shared.module';

/**
 * Server-rendered HTML served by the `api` role: the shared assets and, imported here,
 * each area of pages (each imports WebSharedModule). Pages call the same commands as the
 * API through the CommandBus, so there is no second implementation of any flow.
 */
@Module({
  imports: [WebSharedModule, HostedPagesModule],
  controllers: [AssetsController],
})
export class WebModule {}
