import type { AccountEvent } from '../account.events';
import type { CompleteSecondFactor } from './sign-in.commands';
import { AccountErrors } from '../account.errors';
import type { AccountState } from '../account.state';
import type { ChallengeState } from '../two-factor/two-factor.state';
import { sameDigest } from '../secret-compare';
import { assertMaySignIn, lockForUnusualActivity, reachesThreshold, startSession } from './log-in';
import { judgeSecondFactor } from '../two-factor/second-factor';

function liveChallenge(state: AccountState, tokenHash: string, now: string): ChallengeState | null {
  let found: ChallengeState | null = null;
  for (const challenge of Object.values(state.challenges)) if (sameDigest(challenge.tokenHash, tokenHash)) found = challenge;
  return found && found.triesLeft > 0 && Date.parse(now) < Date.parse(found.expiresAt) ? found : null;
}

/**
 * The second login step. A failure is recorded (SecondFactorFailed) and costs the
 * challenge one of its tries; failures after a correct password mean someone else likely
 * has the password, so reaching the threshold locks the account and alerts the owner.
 */
export function completeSecondFactor(state: AccountState, command: CompleteSecondFactor): AccountEvent[] {
  const challenge = state.exists ? liveChallenge(state, command.challengeTokenHash, command.now) : null;
  if (!challenge) throw AccountErrors.invalidCode();
  assertMaySignIn(state);
  const judgement = judgeSecondFactor(state, command.secondFactor, 'login');
  if (judgement.accepted) return [...judgement.events, ...startSession(state, command.session)];
  const failed: AccountEvent = {
    type: 'SecondFactorFailed',
    data: { challengeId: challenge.challengeId, reason: judgement.reason === 'missing' ? 'wrong_code' : judgement.reason },
  };
  if (!reachesThreshold(state.secondFactorFailures, command.now, command.lockPolicy)) return [failed];
  return [failed, ...lockForUnusualActivity(state, command.now, command.ownershipVerification)];
}
