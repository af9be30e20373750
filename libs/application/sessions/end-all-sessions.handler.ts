import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Ends every session of the account. Needs nothing from the state but its turn. */
export class EndAllSessionsCommand extends StampedCommand<'EndAllSessions'> {}

export const EndAllSessionsHandler = stampedHandler(EndAllSessionsCommand, 'EndAllSessions');
