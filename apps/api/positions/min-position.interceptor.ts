import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';
import { READ_STORE, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import { DomainError } from '@warden/shared/errors';
import { parsePosition } from '@warden/shared/position';
import { ACCOUNT_PROJECTIONS } from '@warden/projections/account-projections';
import { waitForCheckpoints } from '@warden/projections/checkpoint-watch';
import { validationFailed } from '../http/validation-failed';

export const MIN_POSITION_HEADER = 'x-min-position';

/**
 * Read-your-writes: with X-Min-Position, the request waits (bounded) until every read
 * model has projected that position. It reads checkpoints from the store, so it works
 * whichever process runs the projector.
 */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    // Queries only (contract §2): a command decides on the event store, never on a read model,
    // and the operational probes must answer whatever the projector is doing.
    if (request.method !== 'GET' || !request.path.startsWith('/v1/')) return next.handle();
    const raw = request.header(MIN_POSITION_HEADER);
    if (raw === undefined) return next.handle();
    const position = parsePosition(raw);
    if (!position) throw validationFailed([{ field: 'X-Min-Position', message: 'not a position returned by Warden' }]);
    return from(waitForCheckpoints(this.store, ACCOUNT_PROJECTIONS, position, this.config.minPositionWaitMs)).pipe(
      switchMap((caughtUp) => {
        if (!caughtUp) throw new DomainError('projection_lagging', 503, 'The read models have not caught up yet; retry shortly.');
        return next.handle();
      }),
    );
  }
}
