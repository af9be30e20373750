import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AccountCommand } from '@warden/account/account.commands';
import { CLOCK } from '@warden/infrastructure/tokens';
import type { Clock } from '@warden/shared/clock';
import { AccountCommandRunner } from '../runner/account-command-runner';

/**
 * Records that a session or a credential was used (lastSeenAt / lastUsedAt) from an
 * introspection: at most once per interval, so streams stay short, and best effort, so a
 * failure to record never fails the introspection. The decider refuses to touch something
 * ended meanwhile, so a racing revocation always wins.
 */
@Injectable()
export class UseRecorder {
  private readonly logger = new Logger('use-recorder');

  constructor(
    private readonly runner: AccountCommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async recordIfDue(
    accountId: string,
    lastUse: string | null,
    intervalSeconds: number,
    touch: (now: string) => AccountCommand,
    subject: string,
  ): Promise<void> {
    if (lastUse !== null && this.clock.now().getTime() - Date.parse(lastUse) < intervalSeconds * 1000) return;
    try {
      await this.runner.run(accountId, (_s, now) => touch(now.toISOString()), {
        correlationId: `introspect-${subject}`,
        actor: { type: 'system', id: 'introspection' },
      });
    } catch (error) {
      this.logger.warn(`could not record use of ${subject}: ${error instanceof Error ? error.name : 'unknown error'}`);
    }
  }
}
