import { ACCOUNT_PROJECTIONS } from '@warden/projections/account-projections';
import { waitForCheckpoints } from '@warden/projections/checkpoint-watch';
import { MAIL_QUEUE } from '@warden/mail/mail-job';
import { reactors } from '@warden/projections/reactors';
import type { TestWarden } from './warden-harness';
import { until } from './until';

/**
 * The positive signal before a "nothing else happened" check: every read model and every
 * reactor has processed the event store's head as it is now, and the mail queue holds no
 * job waiting, delayed or running. Whatever those events were to cause (a document, a
 * mail) has then happened, so an absence seen afterwards is a real one — where a fixed
 * sleep could end before the projector or the worker even started.
 */
export async function settled(w: TestWarden, timeoutMs = 10_000): Promise<void> {
  const { events, read, queue } = w.warden.services;
  const deadline = Date.now() + timeoutMs;
  const head = await events.headPosition();
  if (head !== undefined && !(await waitForCheckpoints(read, [...ACCOUNT_PROJECTIONS, ...reactors(queue)], head, timeoutMs))) {
    throw new Error(`the projections did not reach the head (${head}) within ${timeoutMs} ms`);
  }
  const remaining = Math.max(deadline - Date.now(), 0);
  await until(
    'an empty mail queue',
    async () => {
      const { waiting, delayed, active } = await queue.stats(MAIL_QUEUE);
      return waiting + delayed + active === 0 ? true : undefined;
    },
    remaining,
  );
}
