import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Support's decision on an appeal: granting it reinstates. Needs nothing from the state but its turn. */
export class DecideAppealCommand extends StampedCommand<'DecideAppeal'> {}

export const DecideAppealHandler = stampedHandler(DecideAppealCommand, 'DecideAppeal');
