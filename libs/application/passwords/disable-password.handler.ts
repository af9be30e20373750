import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Support turns password sign-in off (the owner must reset to use it again). Needs nothing from the state but its turn. */
export class DisablePasswordCommand extends StampedCommand<'DisablePassword'> {}

export const DisablePasswordHandler = stampedHandler(DisablePasswordCommand, 'DisablePassword');
