import { applyDecorators, SetMetadata, type Type } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import { ApiScope, isStaffScope } from './api-scope';
import { ApiErrors } from './openapi/api-errors.decorator';

export const REQUIRED_SCOPES = 'warden:required-scopes';

/**
 * Marks a controller or handler as callable with an API key holding one of these
 * scopes; ApiKeyGuard enforces it. Routes without it are public. Several scopes are
 * for routes both front ends and staff call (e.g. an account's sessions): a key
 * holding several of them acts as staff when it sends X-Actor, as the service otherwise.
 *
 * It also documents what the guard does, on each route: one security requirement per
 * scope (any one suffices), `401 unauthenticated`, `403 forbidden`, and for staff scopes
 * the `X-Actor` header and its `400 validation_failed`. On a controller, each of its
 * routes that has no @RequireScope of its own gets this (the guard's rule too).
 */
export function RequireScope(...scopes: [ApiScope, ...ApiScope[]]): ClassDecorator & MethodDecorator {
  const documented = documentScopes(scopes);
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor) {
      SetMetadata(REQUIRED_SCOPES, scopes)(target, key!, descriptor);
      documented(target, key!, descriptor);
      return;
    }
    SetMetadata(REQUIRED_SCOPES, scopes)(target as Type);
    forEachRoute(target as Type, (prototype, name, route) => {
      if (!Reflect.hasMetadata(REQUIRED_SCOPES, route.value as object)) documented(prototype, name, route);
    });
  };
}

function documentScopes(scopes: readonly ApiScope[]): MethodDecorator {
  const staffScopes = scopes.filter(isStaffScope);
  const decorators: MethodDecorator[] = [...scopes.map((scope) => ApiSecurity(scope)), ApiErrors('unauthenticated', 'forbidden')];
  if (staffScopes.length > 0) {
    decorators.push(
      ApiHeader({
        name: 'X-Actor',
        required: staffScopes.length === scopes.length,
        description: `Id of the staff member behind a ${staffScopes.join('/')} call (1-200 characters); recorded in events`,
        schema: { type: 'string', minLength: 1, maxLength: 200 },
      }),
      ApiErrors('validation_failed'),
    );
  }
  return applyDecorators(...decorators);
}

/** Calls `visit` with every request handler (a method with a route path) of a controller. */
function forEachRoute(controller: Type, visit: (prototype: object, name: string, route: PropertyDescriptor) => void): void {
  const prototype = controller.prototype as object;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const route = Object.getOwnPropertyDescriptor(prototype, name);
    if (name !== 'constructor' && typeof route?.value === 'function' && Reflect.hasMetadata(PATH_METADATA, route.value)) {
      visit(prototype, name, route);
    }
  }
}
