/** A fenced write refused: another projector took the lease since this one was granted it. */
export class LeaseLostError extends Error {
  constructor(
    readonly key: string,
    readonly holder: string,
  ) {
    super(`projection lease ${key} is no longer held by ${holder}`);
    this.name = 'LeaseLostError';
  }
}
