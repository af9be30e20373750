import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { EventPositions } from '../positions/event-positions';
import { CommandAnswer } from './command-answer';
import { overrideStatus } from './response-status';

const COMMAND_ROUTE = 'warden:command-route';

/** Marks a command route (set by @CommandResponses): its answers carry X-Event-Position. */
export const CommandRoute = () => SetMetadata(COMMAND_ROUTE, true);

/**
 * Sets X-Event-Position on every command route's success from what it returned (a
 * CommandAnswer's position; otherwise the store's head, which still gives read-your-writes
 * and tells nothing), so no controller writes the header by hand. Registered inside the
 * idempotency interceptor, so a stored answer keeps the header.
 */
@Injectable()
export class EventPositionInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly positions: EventPositions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean>(COMMAND_ROUTE, context.getHandler())) return next.handle();
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      switchMap((result: unknown) => {
        const answered = result instanceof CommandAnswer ? result : undefined;
        if (answered?.status !== undefined) overrideStatus(response, answered.status);
        return from(this.positions.set(response, answered ? answered.position : undefined).then(() => (answered ? answered.body : result)));
      }),
    );
  }
}
