import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Ends one session: a revocation by its owner or by support. Needs nothing from the state but its turn. */
export class EndSessionCommand extends StampedCommand<'EndSession'> {}

export const EndSessionHandler = stampedHandler(EndSessionCommand, 'EndSession');
