import { isOneOf, type TypeSet } from '../area-members';

/**
 * What the handler found out about a presented second factor, without judging it: the
 * TOTP time step the code matched (null: it matched none in the window), or the hash of a
 * recovery code. The decider judges: replays, used codes, whether one was needed at all.
 */
export type SecondFactorCheck =
  | { kind: 'not_given' }
  | { kind: 'totp'; step: number | null }
  | { kind: 'recovery_code'; codeHash: string };

export interface StartTotpEnrollment {
  type: 'StartTotpEnrollment';
  now: string;
  secret: string;
}

export interface ConfirmTotpEnrollment {
  type: 'ConfirmTotpEnrollment';
  now: string;
  /** The step the code matched against the pending secret, or null. */
  step: number | null;
  recoveryCodeHashes: string[];
}

export interface DisableTotp {
  type: 'DisableTotp';
  now: string;
  passwordMatches: boolean;
  secondFactor: SecondFactorCheck;
}

export interface RegenerateRecoveryCodes {
  type: 'RegenerateRecoveryCodes';
  now: string;
  passwordMatches: boolean;
  secondFactor: SecondFactorCheck;
  recoveryCodeHashes: string[];
}

export type TwoFactorCommand =
  | StartTotpEnrollment
  | ConfirmTotpEnrollment
  | DisableTotp
  | RegenerateRecoveryCodes;

const TWO_FACTOR_COMMANDS: TypeSet<TwoFactorCommand> = {
  StartTotpEnrollment: true,
  ConfirmTotpEnrollment: true,
  DisableTotp: true,
  RegenerateRecoveryCodes: true,
};

export const isTwoFactorCommand = isOneOf<TwoFactorCommand>(TWO_FACTOR_COMMANDS);
