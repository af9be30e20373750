import type { AccountDoc } from './account-view';
import { isLive, SESSIONS, type SessionDoc } from '../sessions/session-view';
import type { ReadStore } from '@warden/infrastructure/read-store/read-store.port';

export interface AccountView {
  accountId: string;
  email: string;
  username: string | null;
  displayName: string;
  status: string;
  emailVerified: boolean;
  totpEnabled: boolean;
  passwordDisabled: boolean;
  lock: AccountDoc['lock'];
  suspension: AccountDoc['suspension'];
  createdAt: string;
  lastLoginAt: string | null;
  failedLoginCount: number;
  activeSessionCount: number;
  passwordChangedAt: string;
}

/** The contract's AccountView; the live session count is judged now (expiry is not an event). */
export async function toAccountView(doc: AccountDoc, store: ReadStore, now: Date): Promise<AccountView> {
  const sessions = await store.collection<SessionDoc>(SESSIONS).find({ accountId: doc.accountId, active: true });
  return {
    accountId: doc.accountId,
    email: doc.email,
    username: doc.username,
    displayName: doc.displayName,
    status: doc.status,
    emailVerified: doc.emailVerified,
    totpEnabled: doc.totpEnabled,
    passwordDisabled: doc.passwordDisabled,
    lock: doc.lock,
    suspension: doc.suspension,
    createdAt: doc.createdAt,
    lastLoginAt: doc.lastLoginAt,
    failedLoginCount: doc.failedLoginCount,
    activeSessionCount: sessions.filter((s) => isLive(s, now)).length,
    passwordChangedAt: doc.passwordChangedAt,
  };
}
