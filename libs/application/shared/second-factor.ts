import type { SecondFactorCheck } from '../../account/account.commands';
import type { AccountState } from '../../account/account.state';

/**
 * The seam where two-factor authentication plugs in: a flow that proves ownership passes
 * the code it received, and the decider gets the verdict. No account can enrol a second
 * factor yet, so there is nothing to check a code against: it is ignored.
 */
export function checkSecondFactor(_state: AccountState, _code: string | undefined): SecondFactorCheck {
  return 'not_given';
}
