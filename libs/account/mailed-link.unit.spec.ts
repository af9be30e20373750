import { mailedLinkView } from './mailed-link';
import { active, at, DAY, HOUR, happened, resetCompleted, resetRequested, stateOf, withTotp } from './testing/fixtures';

describe('mailedLinkView', () => {
  const reset = resetRequested('r1', at(HOUR));

  it('a pending, unexpired link is usable; without 2FA no code is asked', () => {
    expect(mailedLinkView(stateOf(...active, reset), 'reset-password', 'hash-r1', at(10))).toEqual({ usable: true, secondFactor: false });
  });

  it('with 2FA on, a reset asks for the code', () => {
    expect(mailedLinkView(stateOf(...withTotp, reset), 'reset-password', 'hash-r1', at(10))).toEqual({ usable: true, secondFactor: true });
  });

  it('a used email link is unusable, and asks for no code', () => {
    expect(mailedLinkView(stateOf(...withTotp), 'verify-email', 'hash-t1', at(1))).toEqual({ usable: false, secondFactor: false });
  });

  it('expired, used, another token and another purpose are unusable alike', () => {
    const unusable = { usable: false, secondFactor: false };
    expect(mailedLinkView(stateOf(...active, reset), 'reset-password', 'hash-r1', at(HOUR))).toEqual(unusable);
    expect(mailedLinkView(stateOf(...active, reset, happened(resetCompleted, 20)), 'reset-password', 'hash-r1', at(30))).toEqual(unusable);
    expect(mailedLinkView(stateOf(...active, reset), 'reset-password', 'hash-r2', at(10))).toEqual(unusable);
    expect(mailedLinkView(stateOf(...active, reset), 'verify-ownership', 'hash-r1', at(10))).toEqual(unusable);
  });

  it('no account: unusable', () => {
    expect(mailedLinkView(stateOf(), 'verify-email', 'hash-t1', at(DAY))).toEqual({ usable: false, secondFactor: false });
  });
});
