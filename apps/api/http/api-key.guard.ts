import { randomUUID } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DomainError } from '@warden/shared/errors';
import { ApiKeyRegistry } from './api-key-registry';
import { ApiScope, isStaffScope } from './api-scope';
import { REQUIRED_SCOPES } from './require-scope.decorator';
import { attachRequestContext, correlationIdOf, RequestActor } from './request-context';
import { validationFailed } from './validation-failed';

const MAX_ACTOR_LENGTH = 200;
const BEARER = /^Bearer +(\S+) *$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Global guard (APP_GUARD): authenticates the API key of routes marked with
 * @RequireScope, checks the scope and X-Actor, and attaches the RequestContext.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const scopes = this.reflector.getAllAndOverride<readonly ApiScope[] | undefined>(REQUIRED_SCOPES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!scopes) return true;

    const request = context.switchToHttp().getRequest<Request>();
    const identity = this.keys.authenticate(bearerToken(request.headers.authorization));
    if (!identity) {
      context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="warden"');
      throw new DomainError('unauthenticated', 401, 'A valid API key is required: Authorization: Bearer <key>.');
    }
    const granted = scopes.filter((scope) => identity.scopes.includes(scope));
    if (granted.length === 0) {
      throw new DomainError('forbidden', 403, `This API key may not call this route (it needs scope ${scopes.join(' or ')}).`);
    }

    const actorHeader = request.headers['x-actor'];
    const scope = chooseScope(granted, actorHeader);
    const actor: RequestActor = isStaffScope(scope)
      ? { type: scope, id: staffActor(actorHeader) }
      : { type: 'service', id: identity.name };
    attachRequestContext(request, {
      // The middleware normally set it; a fallback keeps the context whole if it was not wired.
      correlationId: correlationIdOf(request) ?? randomUUID(),
      caller: identity.name,
      scope,
      actor,
    });
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header)?.[1] : undefined;
}

/** A key allowed both ways acts as staff only when it names the person in X-Actor. */
function chooseScope(granted: readonly ApiScope[], actorHeader: unknown): ApiScope {
  const staff = granted.filter(isStaffScope);
  if (granted.includes('auth') && (staff.length === 0 || actorHeader === undefined)) return 'auth';
  return staff[0];
}

function staffActor(header: string | string[] | undefined): string {
  const value = typeof header === 'string' ? header.trim() : '';
  if (value === '' || value.length > MAX_ACTOR_LENGTH || CONTROL.test(value)) {
    throw validationFailed(
      [{ field: 'X-Actor', message: `required for support and compliance calls: the staff member's id, 1-${MAX_ACTOR_LENGTH} characters` }],
      'X-Actor is missing or invalid.',
    );
  }
  return value;
}
