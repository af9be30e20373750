import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Support lifts a suspension. Needs nothing from the state but its turn. */
export class ReinstateAccountCommand extends StampedCommand<'ReinstateAccount'> {}

export const ReinstateAccountHandler = stampedHandler(ReinstateAccountCommand, 'ReinstateAccount');
