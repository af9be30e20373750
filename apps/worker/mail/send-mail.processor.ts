import { Inject, Injectable } from '@nestjs/common';
import { AccountRepository } from '@warden/application/runner/account.repository';
import { ServiceKeys } from '@warden/infrastructure/crypto/service-keys';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { ERASED } from '@warden/infrastructure/crypto/personal-data';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';
import type { Mailer } from '@warden/infrastructure/mail/mailer.port';
import type { Job } from '@warden/infrastructure/queue/job-queue.port';
import { EVENT_STORE, MAILER, WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { MailJob } from '@warden/mail/mail-job';
import { isMailTemplate, MAIL_CATALOG } from './mail-catalog';
import { renderMail } from './mail-templates';

/**
 * `skipped_not_needed`: the composer found that this event, in its context, calls for no
 * mail (recovery codes issued at enrolment: the 2FA-enabled mail already says it).
 */
export type MailOutcome = 'sent' | 'skipped_erased' | 'skipped_not_needed';

/**
 * Sends the mail a job names. Everything personal is read from the event store at send
 * time, so an erased account's pending mails find "[erased]" and are dropped.
 */
@Injectable()
export class SendMailProcessor {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(WARDEN_CONFIG) private readonly config: WardenConfig,
    private readonly codec: AccountEventCodec,
    private readonly accounts: AccountRepository,
    private readonly keys: ServiceKeys,
  ) {}

  async process(job: Job<MailJob>): Promise<MailOutcome> {
    const { streamId, revision, template } = job.payload;
    // The event and the one before it, in one read: a composer may need to know what the
    // event followed (was it appended together with another?).
    const fromRevision = Math.max(0, revision - 1);
    const read = await this.events.readStream(streamId, { fromRevision, maxCount: revision - fromRevision + 1 });
    const recorded = read.find((r) => r.revision === revision);
    if (!recorded) throw new Error(`mail job ${job.id}: event not found`);
    const before = read.find((r) => r.revision === revision - 1);
    const event = await this.codec.decode(recorded);
    const previous = before ? await this.codec.decode(before) : null;
    const { state } = await this.accounts.load(event.accountId);
    // The payload crossed a queue: a job from another version may name a template no longer composed.
    if (!isMailTemplate(template)) throw new Error(`mail job ${job.id}: unknown template ${String(template)}`);
    const compose = MAIL_CATALOG[template];
    const plan = compose(event, state, { publicUrl: this.config.publicUrl, tokens: this.keys.mailTokens }, previous);
    if (!plan) return 'skipped_not_needed';
    if (plan.to === ERASED) return 'skipped_erased';
    const rendered = renderMail(plan.template ?? template, plan.vars);
    // The job id: the event id for an event's first mail, `<eventId>:<template>` for a second
    // one (SECOND_MAILS), so two mails of one event never replace one another in the outbox.
    await this.mailer.send({ id: job.id, to: plan.to, ...rendered });
    return 'sent';
  }
}
