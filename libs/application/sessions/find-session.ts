import { isSessionLive, type SessionState } from '@warden/account/sign-in/sign-in.state';
import type { AccountState } from '@warden/account/account.state';
import { sameDigest } from '@warden/account/secret-compare';
import { hashToken } from '@warden/infrastructure/crypto/tokens';

/** The live session a token opens, compared in constant time against every session's hash. */
export function findLiveSession(state: AccountState, token: string, now: Date): SessionState | null {
  const presented = hashToken(token);
  let found: SessionState | null = null;
  for (const session of Object.values(state.sessions)) {
    if (sameDigest(session.tokenHash, presented)) found = session;
  }
  return found && isSessionLive(found, now) ? found : null;
}
