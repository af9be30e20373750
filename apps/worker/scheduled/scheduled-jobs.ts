import type { Type } from '@nestjs/common';
import { AccountDeletionJob } from './account-deletion.job';
import { PasswordAgeReminderJob } from './password-age-reminder.job';

/** Providers of the worker's scheduled jobs (account deletion, password-age reminders). */
export const SCHEDULED_JOB_PROVIDERS: Type[] = [AccountDeletionJob, PasswordAgeReminderJob];
