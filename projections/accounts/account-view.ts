import type { ProjectedDoc } from '../apply-once';

/** The support view of contract §3.2, as stored (activeSessionCount is computed at query time). */
export interface AccountDoc extends ProjectedDoc {
  accountId: string;
  email: string;
  emailNormalized: string | null;
  username: string | null;
  usernameNormalized: string | null;
  displayName: string;
  status: string;
  emailVerified: boolean;
  totpEnabled: boolean;
  passwordDisabled: boolean;
  lock: { reason: string; since: string } | null;
  suspension: { reason: string; policyRef: string; since: string } | null;
  createdAt: string;
  lastLoginAt: string | null;
  failedLoginCount: number;
  passwordChangedAt: string;
  deletionScheduledFor: string | null;
}

export const ACCOUNTS = 'accounts';
