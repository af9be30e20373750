import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Support unlocks the account. Needs nothing from the state but its turn. */
export class UnlockAccountCommand extends StampedCommand<'UnlockAccount'> {}

export const UnlockAccountHandler = stampedHandler(UnlockAccountCommand, 'UnlockAccount');
