import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Suspension for a terms violation: ends sessions, mails how to appeal. Needs nothing from the state but its turn. */
export class SuspendAccountCommand extends StampedCommand<'SuspendAccount'> {}

export const SuspendAccountHandler = stampedHandler(SuspendAccountCommand, 'SuspendAccount');
