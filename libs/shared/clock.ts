/** Time enters the system only through a clock, so tests and deciders control it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
