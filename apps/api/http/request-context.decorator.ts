import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { RequestContext, requestContextOf } from './request-context';

/**
 * The caller of the current request, as ApiKeyGuard authenticated it:
 * `handle(@Body() dto: X, @Ctx() ctx: RequestContext)`.
 */
export const Ctx = createParamDecorator((_data: unknown, host: ExecutionContext): RequestContext => {
  const context = requestContextOf(host.switchToHttp().getRequest<object>());
  // A programming error (a 500), not a client one: public routes have no caller.
  if (!context) throw new Error('@Ctx() used on a route without @RequireScope()');
  return context;
});
