import { isOneOf, type TypeSet } from '../area-members';

export interface SuspendAccount {
  type: 'SuspendAccount';
  now: string;
  reason: string;
  policyRef: string;
}

export interface ReinstateAccount {
  type: 'ReinstateAccount';
  now: string;
  reason: string;
}

export interface SubmitAppeal {
  type: 'SubmitAppeal';
  now: string;
  appealId: string;
  message: string;
}

export interface DecideAppeal {
  type: 'DecideAppeal';
  now: string;
  appealId: string;
  decision: 'reinstate' | 'uphold';
  note: string;
}

export interface ScheduleDeletion {
  type: 'ScheduleDeletion';
  now: string;
  reason: string;
  ticketRef: string;
  graceDays: number;
}

export interface CancelDeletion {
  type: 'CancelDeletion';
  now: string;
}

/** Run by the scheduled job once the grace period is over. */
export interface ExecuteDeletion {
  type: 'ExecuteDeletion';
  now: string;
}

export type LifecycleCommand =
  | SuspendAccount
  | ReinstateAccount
  | SubmitAppeal
  | DecideAppeal
  | ScheduleDeletion
  | CancelDeletion
  | ExecuteDeletion;

const LIFECYCLE_COMMANDS: TypeSet<LifecycleCommand> = {
  SuspendAccount: true,
  ReinstateAccount: true,
  SubmitAppeal: true,
  DecideAppeal: true,
  ScheduleDeletion: true,
  CancelDeletion: true,
  ExecuteDeletion: true,
};

export const isLifecycleCommand = isOneOf<LifecycleCommand>(LIFECYCLE_COMMANDS);
