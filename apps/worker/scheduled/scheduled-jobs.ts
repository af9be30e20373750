import type { Type } from '@nestjs/common';

/** Providers of the worker's scheduled jobs (account deletion, password-age reminders). */
export const SCHEDULED_JOB_PROVIDERS: Type[] = [];
