import type { AccountEvent } from '../account.events';
import type { EndSession } from '../account.commands';
import { AccountErrors } from '../account.errors';
import { isSessionLive, type AccountState } from '../account.state';

export function endSession(state: AccountState, command: EndSession): AccountEvent[] {
  if (!state.exists) throw AccountErrors.notFound();
  const session = state.sessions[command.sessionId];
  if (!session || !isSessionLive(session, new Date(command.now))) throw AccountErrors.sessionNotFound();
  return [{ type: 'SessionRevoked', data: { sessionId: command.sessionId, reason: command.reason } }];
}
