/**
 * How an area names the members of its command and event unions once, so that the
 * compositions (account.decider, account.state, account.events) can route a command or an
 * event to its area. The records are keyed by the union's `type`s: the compiler refuses a
 * list that misses a member or names one too many.
 */

/** The types of a union, each listed once. */
export type TypeSet<T extends { type: string }> = Record<T['type'], true>;

/** An event type's stored form: its current schema version and the fields the codec encrypts. */
export interface EventSchema {
  version: number;
  personal: readonly string[];
}

export type EventSchemas<E extends { type: string }> = Record<E['type'], EventSchema>;

/** A type guard for the union whose types key `members`. */
export function isOneOf<T extends { type: string }>(members: Record<T['type'], unknown>) {
  return (item: { type: string }): item is T => Object.prototype.hasOwnProperty.call(members, item.type);
}
