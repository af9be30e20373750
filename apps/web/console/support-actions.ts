import type { AccountView } from './contract-shapes';

/** A form's fields as posted (urlencoded strings). */
export type FormBody = Record<string, unknown>;

export type ActionField = 'reason' | 'policyRef' | 'ticketRef' | 'graceDays';

/** The contract call behind an action. */
export interface ContractCall {
  method: 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: object;
}

export interface AccountAction {
  title: string;
  /** What the staff member ticks to confirm. */
  confirm: string;
  fields: readonly ActionField[];
  danger?: boolean;
  /** Shown only when the account's state allows it (the API still decides). */
  shownWhen(account: AccountView): boolean;
  call(accountId: string, form: FormBody): ContractCall;
  done: string;
}

const text = (form: FormBody, name: string): string => (typeof form[name] === 'string' ? (form[name] as string).trim() : '');
const accounts = (id: string) => `/v1/accounts/${encodeURIComponent(id)}`;
const live = (a: AccountView) => a.status !== 'deleted';

/**
 * Contract §3.2's account actions, each one call; the button and heading are the names
 * support staff (and the browser tests) find them by.
 */
export const ACCOUNT_ACTIONS: Readonly<Record<string, AccountAction>> = {
  lock: {
    title: 'Lock account',
    confirm: 'Yes, lock this account and end its sessions',
    fields: ['reason'],
    shownWhen: (a) => a.status === 'active',
    call: (id, f) => ({ method: 'POST', path: `${accounts(id)}/lock`, body: { reason: text(f, 'reason') } }),
    done: 'The account is locked and its sessions are ended.',
    danger: true,
  },
  unlock: {
    title: 'Unlock account',
    confirm: 'Yes, I verified the owner: unlock this account',
    fields: ['reason'],
    shownWhen: (a) => a.status === 'locked',
    call: (id, f) => ({ method: 'POST', path: `${accounts(id)}/unlock`, body: { reason: text(f, 'reason') } }),
    done: 'The account is unlocked.',
  },
  'disable-password': {
    title: 'Disable password',
    confirm: 'Yes, disable the password: the owner must reset it',
    fields: ['reason'],
    shownWhen: (a) => live(a) && !a.passwordDisabled,
    call: (id, f) => ({ method: 'POST', path: `${accounts(id)}/password/disable`, body: { reason: text(f, 'reason') } }),
    done: 'The password is disabled, sessions are ended and the owner is told how to reset it.',
    danger: true,
  },
  suspend: {
    title: 'Suspend',
    confirm: 'Yes, suspend this account',
    fields: ['reason', 'policyRef'],
    shownWhen: (a) => a.status === 'active' || a.status === 'locked',
    call: (id, f) => ({ method: 'POST', path: `${accounts(id)}/suspend`, body: { reason: text(f, 'reason'), policyRef: text(f, 'policyRef') } }),
    done: 'The account is suspended; the owner is told how to appeal.',
    danger: true,
  },
  reinstate: {
    title: 'Reinstate',
    confirm: 'Yes, reinstate this account',
    fields: ['reason'],
    shownWhen: (a) => a.status === 'suspended',
    call: (id, f) => ({ method: 'POST', path: `${accounts(id)}/reinstate`, body: { reason: text(f, 'reason') } }),
    done: 'The account is reinstated.',
  },
  'schedule-deletion': {
    title: 'Schedule deletion',
    confirm: 'Yes, delete this account at the end of the grace period',
    fields: ['reason', 'ticketRef', 'graceDays'],
    shownWhen: (a) => live(a) && a.status !== 'deletion_scheduled',
    call: (id, f) => ({
      method: 'DELETE',
      path: accounts(id),
      body: { reason: text(f, 'reason'), ticketRef: text(f, 'ticketRef'), ...(text(f, 'graceDays') !== '' ? { graceDays: Number(text(f, 'graceDays')) } : {}) },
    }),
    done: 'Deletion is scheduled.',
    danger: true,
  },
  'cancel-deletion': {
    title: 'Cancel deletion',
    confirm: 'Yes, cancel the scheduled deletion',
    fields: [],
    shownWhen: (a) => a.status === 'deletion_scheduled',
    call: (id) => ({ method: 'POST', path: `${accounts(id)}/deletion/cancel`, body: {} }),
    done: 'The deletion is cancelled.',
  },
  'revoke-all-sessions': {
    title: 'Revoke all sessions',
    confirm: 'Yes, end every session of this account',
    fields: [],
    shownWhen: (a) => a.activeSessionCount > 0,
    call: (id) => ({ method: 'POST', path: `${accounts(id)}/sessions/revoke-all`, body: {} }),
    done: 'Every session is ended.',
    danger: true,
  },
};
