import { Inject, Injectable } from '@nestjs/common';
import { AccountRepository } from '../../../libs/application/shared/account.repository';
import { ServiceKeys } from '../../../libs/infrastructure/crypto/service-keys';
import type { WardenConfig } from '../../../libs/infrastructure/config/warden-config';
import { ERASED } from '../../../libs/infrastructure/crypto/personal-data';
import { AccountEventCodec } from '../../../libs/infrastructure/event-codec/account-event.codec';
import type { EventStore } from '../../../libs/infrastructure/event-store/event-store.port';
import type { Mailer } from '../../../libs/infrastructure/mail/mailer.port';
import type { Job } from '../../../libs/infrastructure/queue/job-queue.port';
import { EVENT_STORE, MAILER, WARDEN_CONFIG } from '../../../libs/infrastructure/tokens';
import type { MailJob } from '../../../projections/mail-reactor/mail-triggers';
import { MAIL_CATALOG } from './mail-catalog';
import { renderMail } from './mail-templates';

export type MailOutcome = 'sent' | 'skipped_erased';

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
    const [recorded] = await this.events.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!recorded || recorded.revision !== revision) throw new Error(`mail job ${job.id}: event not found`);
    const event = await this.codec.decode(recorded);
    const { state } = await this.accounts.load(event.accountId);
    const compose = MAIL_CATALOG[template];
    if (!compose) throw new Error(`mail job ${job.id}: unknown template ${template}`);
    const plan = compose(event, state, { publicUrl: this.config.publicUrl, tokens: this.keys.mailTokens });
    if (plan.to === ERASED) return 'skipped_erased';
    const rendered = renderMail(plan.template ?? template, plan.vars);
    await this.mailer.send({ id: recorded.eventId, to: plan.to, ...rendered });
    return 'sent';
  }
}
