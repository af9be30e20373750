import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { decide } from '../../account/account.decider';
import type { AccountCommand } from '../../account/account.commands';
import type { AccountEvent } from '../../account/account.events';
import { evolve, type AccountState } from '../../account/account.state';
import { WrongExpectedRevisionError } from '../../infrastructure/event-store/event-store.port';
import { WardenMetrics } from '../../infrastructure/metrics/warden-metrics';
import { CLOCK } from '../../infrastructure/tokens';
import type { Clock } from '../../shared/clock';
import type { Position } from '../../shared/envelope';
import { DomainError } from '../../shared/errors';
import { AccountRepository } from './account.repository';
import type { CommandMetadata } from './command-metadata';

export interface CommandOutcome {
  events: AccountEvent[];
  /** Position of the last appended event; undefined when the decision appended nothing. */
  position?: Position;
  state: AccountState;
}

/** Builds the command from the loaded state; may do I/O the decider must not (bcrypt, lookups). */
export type CommandBuilder = (state: AccountState, now: Date) => Promise<AccountCommand> | AccountCommand;

const MAX_ATTEMPTS = 5;

/**
 * The one generic command handler: load → decide → append with the expected revision →
 * on a concurrent write, start again from a fresh load.
 */
@Injectable()
export class AccountCommandRunner {
  constructor(
    private readonly repository: AccountRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: WardenMetrics,
  ) {}

  /**
   * Timed as `warden_command_duration_seconds{command, outcome}`: `ok` when decided
   * (whether or not it appended), `refused` for a contract refusal (DomainError), `error`
   * otherwise. A builder that throws before naming its command is labelled `unknown`.
   */
  async run(accountId: string, build: CommandBuilder, metadata: CommandMetadata): Promise<CommandOutcome> {
    const done = this.metrics.startCommand();
    let type = 'unknown';
    try {
      const outcome = await this.decideAndAppend(accountId, build, metadata, (t) => (type = t));
      done(type, 'ok');
      return outcome;
    } catch (error) {
      done(type, error instanceof DomainError ? 'refused' : 'error');
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
      const { state, revision } = await this.repository.load(accountId);
      const now = this.clock.now();
      const command = await build(state, now);
      built(command.type);
      const events = decide(command, state);
      const after = events.reduce((s, e) => evolve(s, e, { occurredAt: command.now }), state);
      if (events.length === 0) return { events, state: after };
      try {
        const result = await this.repository.append(accountId, events, revision, {
          ...metadata,
          causationId: randomUUID(),
          occurredAt: command.now,
        });
        this.metrics.countAppended(events);
        return { events, position: result.position, state: after };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}
