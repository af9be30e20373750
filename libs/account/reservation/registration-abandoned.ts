/**
 * Written as the first event of an account stream whose registration never happened (its
 * claim lapsed): the account's `AccountRegistered`, appended with expected revision "no
 * stream", can then never land. It is the fence that makes a lapsed claim safe to take
 * over even if the registering process was only stalled, not dead. Not an account event:
 * projectors and the account's fold never see one in a registered account.
 */
export const REGISTRATION_ABANDONED = 'RegistrationAbandoned';

export interface RegistrationAbandoned {
  type: typeof REGISTRATION_ABANDONED;
  data: { reason: 'claim_lapsed' };
}
