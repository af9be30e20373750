import type { Position } from '@warden/shared/envelope';

/**
 * What a command route returns when its answer has a position: the body to send and the
 * position of the events the command appended, which EventPositionInterceptor puts in
 * X-Event-Position. A command route that returns anything else answers the store's head.
 * `status` is for the few calls with two success codes (recovery: 200 done, 202 a case).
 */
export class CommandAnswer<T> {
  constructor(
    readonly position: Position | undefined,
    readonly body: T,
    readonly status?: number,
  ) {}
}

/** The answer `body` of a command that reported `position` (none: the store's head). */
export function answer<T = void>(outcome: { position?: Position }, body?: T, status?: number): CommandAnswer<T | undefined> {
  return new CommandAnswer(outcome.position, body, status);
}

/** The usual answer of a command that changes an account: `{accountId, status}`. */
export function accountStatus(outcome: { position?: Position; state: { status: string | null } }, accountId: string) {
  return answer(outcome, { accountId, status: outcome.state.status });
}
