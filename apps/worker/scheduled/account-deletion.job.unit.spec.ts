import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import { EraseAccountCommand } from '@warden/application/lifecycle/erase-account.handler';
import { ExecuteDeletionCommand } from '@warden/application/lifecycle/execute-deletion.handler';
import type { DeletionProgress } from '@warden/application/lifecycle/execute-deletion.handler';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import type { Job, JobQueue } from '@warden/infrastructure/queue/job-queue.port';
import type { MailJob } from '@warden/mail/mail-job';
import { ACCOUNT_DELETION_QUEUE, type DeletionJobPayload } from '@warden/projections/scheduler/account-deletion-job';
import type { SendMailProcessor } from '../mail/send-mail.processor';
import { ACCOUNT_DELETION_ACTOR, ACCOUNT_DELETION_ATTEMPTS, AccountDeletionJob, DeletionNotDueError } from './account-deletion.job';

const ACCOUNT_ID = '6f1c2a8e-4b7d-4e0a-9c3f-2d5b8a1e7f40';
const EXECUTE_AT = '2025-03-12T14:07:31.000Z';
const SCHEDULED = { streamId: `account-${ACCOUNT_ID}`, revision: 17, eventId: 'e0e0e0e0-0000-4000-8000-000000000017' };

/** The job's steps, in order, as the fakes saw them; ExecuteDeletion answers `progress`, then `erased`. */
function harness(progress: DeletionProgress, mail: (job: Job<MailJob>) => Promise<string> = async () => 'sent') {
  let executions = 0;
  const steps: string[] = [];
  const mailed: Job<MailJob>[] = [];
  const commands = {
    execute: async (command: unknown) => {
      if (command instanceof ExecuteDeletionCommand) {
        steps.push('execute');
        expect(command.meta.actor).toEqual(ACCOUNT_DELETION_ACTOR);
        expect(command.meta.correlationId).toBe('corr-1');
        return executions++ === 0 ? progress : { kind: 'erased' };
      }
      if (command instanceof EraseAccountCommand) {
        steps.push('erase');
        return 'erased';
      }
      throw new Error('unexpected command');
    },
  } as unknown as CommandBus;
  const processor = {
    process: async (job: Job<MailJob>) => {
      steps.push('mail');
      mailed.push(job);
      return mail(job);
    },
  } as unknown as SendMailProcessor;
  const config = { mail: { attempts: 5, backoffMs: 10 } } as WardenConfig;
  const job = new AccountDeletionJob({} as JobQueue, config, commands, processor, new WardenMetrics());
  const run = (attempt = 1) => {
    const payload: DeletionJobPayload = { accountId: ACCOUNT_ID, executeAt: EXECUTE_AT, correlationId: 'corr-1' };
    return job.run({ id: 'scheduled-event-id', queue: ACCOUNT_DELETION_QUEUE, payload, attempt });
  };
  return { steps, mailed, run };
}

describe('the account-deletion job', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('mails, releases and erases, and only then stores the deletion', async () => {
    const h = harness({ kind: 'erasure_pending', scheduled: SCHEDULED });
    await expect(h.run()).resolves.toBe('deleted');
    expect(h.steps).toEqual(['execute', 'mail', 'erase', 'execute']);
    expect(h.mailed[0]).toMatchObject({
      id: `${SCHEDULED.eventId}:account-deleted`,
      payload: { streamId: SCHEDULED.streamId, revision: 17, template: 'account-deleted' },
    });
  });

  it('does nothing for a cancelled deletion, nor for one already erased', async () => {
    const cancelled = harness({ kind: 'not_scheduled', status: 'active' });
    await expect(cancelled.run()).resolves.toBe('cancelled');
    const erased = harness({ kind: 'erased' });
    await expect(erased.run()).resolves.toBe('already_erased');
    expect([...cancelled.steps, ...erased.steps]).toEqual(['execute', 'execute']);
  });

  it('tries again later when its own schedule is not due yet, and steps aside for a newer schedule', async () => {
    await expect(harness({ kind: 'not_due', executeAt: EXECUTE_AT }).run()).rejects.toBeInstanceOf(DeletionNotDueError);
    await expect(harness({ kind: 'not_due', executeAt: '2025-03-20T00:00:00.000Z' }).run()).resolves.toBe('superseded');
  });

  it('does not erase while the mail can still be retried, and erases without it on the last try', async () => {
    const failing = async (): Promise<string> => {
      throw new Error('SMTP down');
    };
    const early = harness({ kind: 'erasure_pending', scheduled: SCHEDULED }, failing);
    await expect(early.run(1)).rejects.toThrow('SMTP down');
    expect(early.steps).toEqual(['execute', 'mail']);
    const last = harness({ kind: 'erasure_pending', scheduled: SCHEDULED }, failing);
    await expect(last.run(ACCOUNT_DELETION_ATTEMPTS)).resolves.toBe('deleted');
    expect(last.steps).toEqual(['execute', 'mail', 'erase', 'execute']);
  });
});
