import {
  answer,
  at,
  challenged,
  happened,
  recoveryCode,
  resetCompleted,
  secondFactorFailed,
  spec,
  totpCode,
  withTotp,
  ENROLLED_STEP,
} from '../testing/fixtures';

/** What a password reset does to the second login step, and how refused codes are named. */
describe('second factor around a password reset', () => {
  it('ends a challenge earned with the old password', () => {
    spec
      .given(...withTotp, happened(challenged('c1'), 30), happened(resetCompleted, 31))
      .when(answer(totpCode(ENROLLED_STEP + 5), { now: at(32) }))
      .thenThrows('invalid_code');
  });

  it('forgets the second-factor failures made before the reset', () => {
    spec
      .given(
        ...withTotp,
        happened(challenged('c0'), 20),
        happened(secondFactorFailed('c0', 'wrong_code'), 21),
        happened(secondFactorFailed('c0', 'wrong_code'), 22),
        happened(resetCompleted, 23),
        happened(challenged('c1'), 30),
      )
      .when(answer(totpCode(null), { now: at(31) }))
      .then([secondFactorFailed('c1', 'wrong_code')]);
  });
});

describe('refused recovery codes', () => {
  it('names a code that was never issued a wrong code, and a spent one a used one', () => {
    spec.given(...withTotp, challenged('c1')).when(answer(recoveryCode('forged'))).then([secondFactorFailed('c1', 'wrong_code')]);
    spec
      .given(...withTotp, { type: 'RecoveryCodeUsed', data: { codeHash: 'rc-2' } }, challenged('c1'))
      .when(answer(recoveryCode('rc-2')))
      .then([secondFactorFailed('c1', 'used_recovery_code')]);
  });
});
