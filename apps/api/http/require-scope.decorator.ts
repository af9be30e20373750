import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader } from '@nestjs/swagger';
import { ApiScope, isStaffScope } from './api-scope';
import { API_KEY_SECURITY } from './swagger';

export const REQUIRED_SCOPES = 'warden:required-scopes';

/**
 * Marks a controller or handler as callable with an API key holding one of these
 * scopes; ApiKeyGuard enforces it. Routes without it are public. Several scopes are
 * for routes both front ends and staff call (e.g. an account's sessions): a key
 * holding several of them acts as staff when it sends X-Actor, as the service otherwise.
 */
export function RequireScope(...scopes: [ApiScope, ...ApiScope[]]): ClassDecorator & MethodDecorator {
  const staffScopes = scopes.filter(isStaffScope);
  const decorators: (ClassDecorator & MethodDecorator)[] = [
    SetMetadata(REQUIRED_SCOPES, scopes),
    ApiBearerAuth(API_KEY_SECURITY),
  ];
  if (staffScopes.length > 0) {
    decorators.push(
      ApiHeader({
        name: 'X-Actor',
        required: staffScopes.length === scopes.length,
        description: `Id of the staff member behind a ${staffScopes.join('/')} call (1-200 characters); recorded in events`,
      }),
    );
  }
  return applyDecorators(...decorators);
}
