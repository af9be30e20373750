import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';

/**
 * Nest answers every route with one fixed status (@HttpCode). A few calls of the contract
 * have two success codes (account recovery: 200 when done, 202 when a case is opened),
 * and a replayed idempotent response must keep the status of the first. Both set the
 * status through here, and the adapter below lets it win over the route's.
 */
export function overrideStatus(response: Response, status: number): void {
  response.status(status);
  response.locals.statusOverride = status;
}

export class WardenExpressAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number) {
    const override: unknown = response.locals?.statusOverride;
    return super.reply(response, body, typeof override === 'number' ? override : statusCode);
  }
}
