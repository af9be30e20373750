import { Inject, Injectable } from '@nestjs/common';
import { decide } from '@warden/account/account.decider';
import type { AccountEvent } from '@warden/account/account.events';
import type { AccountState } from '@warden/account/account.state';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { DomainError } from '@warden/shared/errors';
import { AccountCommandRunner, type CommandBuilder, type CommandOutcome } from '../runner/account-command-runner';
import { AccountRepository } from '../runner/account.repository';
import type { CommandMetadata } from '../runner/command-metadata';
import { crashPoint } from '../shared/crash-point';
import { Reservations, type ReservationKind } from '../shared/reservations';

export interface UniqueValueChangeRequest {
  kind: ReservationKind;
  accountId: string;
  /** The account command that gives the account its new value. */
  build: CommandBuilder;
  /** The new value, normalized, as the command will set it on this state (which it accepts). */
  wanted: (state: AccountState) => string;
  /** The account's value in a state, normalized; null when it has none. */
  valueOf: (state: AccountState) => string | null;
  /** The value the account gave up, as the appended events name it (not normalized); null if none. */
  previousIn: (events: AccountEvent[]) => string | null;
  /** How the reservation stream spells a value (the same normalization as `valueOf`). */
  normalize: (value: string) => string;
  meta: CommandMetadata;
}

/**
 * A change of a unique value (a username, an email address) spans two streams: the value's
 * reservation stream and the account's. In order:
 *
 * 1. decide on the current state without appending, so that a refused command (unknown
 *    account, wrong state, bad token) claims nothing and a no-op claims nothing;
 * 2. claim the new value: exactly one of racing claimants wins (`409` for the others);
 * 3. run the account command (load → decide → append, retried on conflict);
 * 4. release the previous value, so someone else can take it.
 *
 * If step 3 fails, a claim made in step 2 is given back, unless the account holds that
 * value by now (an identical change raced this one and won). A crash between 2 and 3, or
 * between 3 and 4, leaves a value claimed by an account that does not use it: never two
 * owners, and the claim lapses once it is older than CLAIM_TAKEOVER_SECONDS (the
 * reservation decider's rule), so the next claimant gets it.
 */
@Injectable()
export class UniqueValueChange {
  constructor(
    private readonly repository: AccountRepository,
    private readonly runner: AccountCommandRunner,
    private readonly reservations: Reservations,
    private readonly metrics: WardenMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(change: UniqueValueChangeRequest): Promise<CommandOutcome> {
    const { kind, accountId, meta } = change;
    const { state } = await this.repository.load(accountId);
    if (!(await this.wouldChange(change, state))) return { events: [], state };

    const value = change.wanted(state);
    const claim = await this.reservations.claim(kind, value, accountId, meta);
    crashPoint(`${kind}-change:after-claim`);

    let outcome: CommandOutcome;
    try {
      outcome = await this.runner.run(accountId, change.build, meta);
    } catch (error) {
      if (claim.claimed) await this.giveBack(change, value);
      throw error;
    }

    const previous = change.previousIn(outcome.events);
    if (previous !== null) {
      const released = change.normalize(previous);
      // A change of case only ("Ann" → "ann") keeps the same reservation.
      if (released !== change.valueOf(outcome.state)) await this.reservations.release(kind, released, accountId, meta);
    }
    return outcome;
  }

  /** The decision on the loaded state, without appending: refusals surface here, before any claim. */
  private async wouldChange(change: UniqueValueChangeRequest, state: AccountState): Promise<boolean> {
    const done = this.metrics.startCommand();
    let type = 'unknown';
    try {
      const command = await change.build(state, this.clock.now());
      type = command.type;
      return decide(command, state).length > 0;
    } catch (error) {
      done(type, error instanceof DomainError ? 'refused' : 'error');
      throw error;
    }
  }

  private async giveBack(change: UniqueValueChangeRequest, value: string): Promise<void> {
    const { state } = await this.repository.load(change.accountId);
    if (change.valueOf(state) !== value) await this.reservations.release(change.kind, value, change.accountId, change.meta);
  }
}
