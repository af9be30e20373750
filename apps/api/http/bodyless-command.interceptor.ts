import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { JSON_API_PREFIX } from './json-only.middleware';
import { validationFailed } from './validation-failed';

const COMMAND_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A command whose route reads no body (`revoke-all`, `DELETE …/sessions/{id}`…) never
 * meets the validation pipe, so it used to accept anything. Here it accepts no body or
 * `{}` only: an array, a scalar or any field is `400 validation_failed`, as it would be
 * on a route with an empty DTO. Registered before the idempotency interceptor, so a
 * refused body reserves no key.
 */
@Injectable()
export class BodylessCommandInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    // The JSON API's commands only: an HTML page's form post is its controller's business.
    if (!COMMAND_METHODS.has(request.method) || !request.path.startsWith(`${JSON_API_PREFIX}/`) || readsBody(context)) return next.handle();
    const body: unknown = request.body;
    if (body === undefined) return next.handle();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw validationFailed([{ field: 'body', message: 'must be a JSON object' }]);
    }
    const fields = Object.keys(body);
    if (fields.length > 0) throw validationFailed(fields.map((field) => ({ field, message: 'unknown field' })));
    return next.handle();
  }
}

/** Whether the route handler takes a `@Body()` argument (Nest's own route metadata). */
function readsBody(context: ExecutionContext): boolean {
  const args: Record<string, unknown> = Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}
