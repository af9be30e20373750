import { StampedCommand, stampedHandler } from '../runner/stamped';

/** Cancels a scheduled deletion within its grace period. Needs nothing from the state but its turn. */
export class CancelDeletionCommand extends StampedCommand<'CancelDeletion'> {}

export const CancelDeletionHandler = stampedHandler(CancelDeletionCommand, 'CancelDeletion');
