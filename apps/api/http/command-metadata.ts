import type { CommandMetadata } from '@warden/application/runner/command-metadata';
import type { ClientContextDto } from '../dto/client-context.dto';
import type { RequestContext } from './request-context';

/** Event metadata from the authenticated caller and, for end-user flows, the client context. */
export function metadataOf(ctx: RequestContext, client?: ClientContextDto): CommandMetadata {
  return {
    correlationId: ctx.correlationId,
    actor: ctx.actor,
    client: client ? { ip: client.ip, userAgent: client.userAgent, ...(client.deviceId ? { deviceId: client.deviceId } : {}) } : undefined,
  };
}
