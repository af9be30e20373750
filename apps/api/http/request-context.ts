import type { Actor } from '@warden/shared/envelope';
import type { ApiScope, StaffScope } from './api-scope';

/** Who is acting: the calling service itself, or the staff member named in X-Actor. */
export interface RequestActor extends Actor {
  type: 'service' | StaffScope;
}

/**
 * What every command needs about its caller to build event metadata; set by
 * ApiKeyGuard on routes with @RequireScope and read with @Ctx().
 */
export interface RequestContext {
  readonly correlationId: string;
  /** Name of the API key that called. */
  readonly caller: string;
  /** The scope the route was entered with. */
  readonly scope: ApiScope;
  readonly actor: RequestActor;
}

/**
 * Fields this layer adds to the request. Plain properties rather than hidden ones, so
 * loggers and other middleware can read `req.correlationId` too.
 */
interface WardenRequestFields {
  correlationId?: string;
  wardenContext?: RequestContext;
}

export function setCorrelationId(request: object, correlationId: string): void {
  (request as WardenRequestFields).correlationId = correlationId;
}

export function correlationIdOf(request: object): string | undefined {
  return (request as WardenRequestFields).correlationId;
}

export function attachRequestContext(request: object, context: RequestContext): void {
  (request as WardenRequestFields).wardenContext = context;
}

export function requestContextOf(request: object): RequestContext | undefined {
  return (request as WardenRequestFields).wardenContext;
}
