import type { Actor, ClientContext } from '@warden/shared/envelope';

/** Who asked, on whose behalf and from where: stored on every event the command appends. */
export interface CommandMetadata {
  correlationId: string;
  actor: Actor;
  client?: ClientContext;
}
