import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Support locks the account; the owner proves ownership to unlock it. Needs nothing from the state but its turn. */
export class LockAccountCommand extends StampedCommand<'LockAccount'> {}

export const LockAccountHandler = stampedHandler(LockAccountCommand, 'LockAccount');
