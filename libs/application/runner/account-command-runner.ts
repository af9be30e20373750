import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { decide } from '@warden/account/account.decider';
import type { AccountCommand } from '@warden/account/account.commands';
import type { AccountEvent } from '@warden/account/account.events';
import { evolve, type AccountState } from '@warden/account/account.state';
import { WrongExpectedRevisionError } from '@warden/infrastructure/event-store/event-store.port';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import type { Position } from '@warden/shared/envelope';
import { DomainError } from '@warden/shared/errors';
import { AccountBusyError } from './account-busy.error';
import { SealedAccountError } from './sealed-account.error';
import { AccountRepository } from './account.repository';
import type { CommandMetadata } from './command-metadata';
import { KeyedQueue } from './keyed-queue';

export interface CommandOutcome {
  events: AccountEvent[];
  /** Position of the last appended event; undefined when the decision appended nothing. */
  position?: Position;
  state: AccountState;
}

/**
 * Builds the command from the loaded state; may do I/O the decider must not (lookups). It
 * runs in the account's turn and again on every retry: expensive work belongs in `prepare`.
 */
export type CommandBuilder = (state: AccountState, now: Date) => Promise<AccountCommand> | AccountCommand;

export interface RunOptions {
  /**
   * Expensive work the builder will need (bcrypt), run before the account's turn against
   * the latest state known, so that requests on one account hash side by side rather than
   * one after the other. Its results must be memoised by their inputs (`PasswordAttempt`):
   * the builder asks again and gets them for free unless the input changed meanwhile.
   */
  prepare?: (state: AccountState) => Promise<unknown>;
}

/**
 * Attempts against writes by other processes (this process's own commands queue instead).
 * Eight, so the random waits between them add up to about 1.3 s at most: with five (under
 * 0.2 s), two replicas renaming one account 20 times in turn on a loaded 2-core machine
 * could still leave one command `busy`.
 */
export const MAX_ATTEMPTS = 8;
/** Upper bound of the first random wait after a conflict; it doubles with each further one. */
const BACKOFF_BASE_MS = 10;

/**
 * The one generic command handler: load → decide → append with the expected revision.
 * Commands on one account run one at a time in this process (a keyed queue), so they
 * never conflict with each other; the expected revision remains the guard against other
 * processes (api replicas). A conflict starts again from a fresh load after a random wait;
 * one that outlasts the attempts is `503 busy`.
 */
@Injectable()
export class AccountCommandRunner {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly repository: AccountRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: WardenMetrics,
  ) {}

  /**
   * Timed as `warden_command_duration_seconds{command, outcome}`: `ok` when decided
   * (whether or not it appended), `refused` for a contract refusal (DomainError), `error`
   * otherwise (busy included). A builder that throws before naming its command is `unknown`.
   */
  async run(accountId: string, build: CommandBuilder, metadata: CommandMetadata, options: RunOptions = {}): Promise<CommandOutcome> {
    const done = this.metrics.startCommand();
    let type = 'unknown';
    try {
      if (options.prepare) await options.prepare((await this.repository.load(accountId)).state);
      const outcome = await this.queue.run(accountId, () => this.decideAndAppend(accountId, build, metadata, (t) => (type = t)));
      done(type, 'ok');
      return outcome;
    } catch (error) {
      done(type, error instanceof DomainError && !(error instanceof AccountBusyError) ? 'refused' : 'error');
      throw error;
    }
  }

  private async decideAndAppend(
    accountId: string,
    build: CommandBuilder,
    metadata: CommandMetadata,
    built: (type: AccountCommand['type']) => void,
  ): Promise<CommandOutcome> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision, sealed } = await this.repository.load(accountId);
      const now = this.clock.now();
      const command = await build(state, now);
      built(command.type);
      const events = decide(command, state);
      const after = events.reduce((s, e) => evolve(s, e, { occurredAt: command.now }), state);
      if (events.length === 0) return { events, state: after };
      if (sealed) throw new SealedAccountError(accountId);
      try {
        const appendMetadata = { ...metadata, causationId: randomUUID(), occurredAt: command.now };
        const result = await this.repository.append(accountId, events, revision, appendMetadata, after);
        this.metrics.countAppended(events);
        return { events, position: result.position, state: after };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (attempt >= MAX_ATTEMPTS) throw new AccountBusyError();
        // Full jitter: replicas that collided do not collide again in lockstep.
        await sleep(Math.random() * BACKOFF_BASE_MS * 2 ** (attempt - 1));
      }
    }
  }
}
