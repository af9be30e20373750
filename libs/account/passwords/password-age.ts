import type { AccountEvent } from '../account.events';
import type { AccountState } from '../account.state';
import type { RemindPasswordAge } from './passwords.commands';

const DAY_MS = 86_400_000;

/** Once per password: active accounts whose password is older than the limit. */
export function remindPasswordAge(state: AccountState, command: RemindPasswordAge): AccountEvent[] {
  if (state.status !== 'active' || !state.passwordChangedAt || state.passwordRemindedFor === state.passwordChangedAt) return [];
  const ageDays = Math.floor((Date.parse(command.now) - Date.parse(state.passwordChangedAt)) / DAY_MS);
  if (ageDays < command.maxAgeDays) return [];
  return [{ type: 'PasswordAgeReminded', data: { passwordChangedAt: state.passwordChangedAt, ageDays } }];
}
