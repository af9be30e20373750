import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Ends every session but the caller's own. Needs nothing from the state but its turn. */
export class EndOtherSessionsCommand extends StampedCommand<'EndOtherSessions'> {}

export const EndOtherSessionsHandler = stampedHandler(EndOtherSessionsCommand, 'EndOtherSessions');
