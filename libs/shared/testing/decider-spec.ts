import { DomainError } from '../errors';

/** A given event, optionally with the instant it happened (defaults to the spec's epoch). */
export type Given<E> = E | { event: E; at: string };

interface Decider<C, E, S> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E, context: { occurredAt: string }): S;
  initialState(): S;
}

/**
 * given(events).when(command).then(events) — the spec reads like the rule it checks.
 * Refusals: thenThrows('code'); no-ops: thenNothingHappened().
 */
export function DeciderSpecification<C, E, S>(decider: Decider<C, E, S>, epoch = '2026-01-01T00:00:00.000Z') {
  return {
    given(...history: Given<E>[]) {
      const state = history.reduce((acc, item) => {
        const wrapped = item as { event?: E; at?: string };
        return wrapped.event !== undefined && typeof wrapped.at === 'string'
          ? decider.evolve(acc, wrapped.event, { occurredAt: wrapped.at })
          : decider.evolve(acc, item as E, { occurredAt: epoch });
      }, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state);
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string, details?: unknown) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              expect((caught as DomainError).code).toBe(code);
              if (details !== undefined) expect((caught as DomainError).details).toEqual(details);
            },
            thenNothingHappened() {
              expect(run()).toEqual([]);
            },
          };
        },
      };
    },
  };
}
