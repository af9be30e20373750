import { active, at, DAY, happened, resetCompleted, spec, T0 } from '../testing/fixtures';
import { inStatus, passwordAgeReminded, passwordChanged, remindPasswordAge } from '../testing/lifecycle-fixtures';

/** The contract's default: a reminder once a password is older than 180 days. Ann's is from T0. */
describe('RemindPasswordAge', () => {
  it('reminds the owner of a password older than the limit, with its age in whole days', () => {
    spec.given(...active).when(remindPasswordAge(at(181 * DAY + 60))).then([passwordAgeReminded(T0, 181)]);
  });

  it('reminds a minute past the limit', () => {
    spec.given(...active).when(remindPasswordAge(at(180 * DAY + 1))).then([passwordAgeReminded(T0, 180)]);
  });

  it('does nothing for a password a minute younger than the limit', () => {
    spec.given(...active).when(remindPasswordAge(at(180 * DAY - 1))).thenNothingHappened();
  });

  it('follows the configured limit', () => {
    spec.given(...active).when(remindPasswordAge(at(31 * DAY), 30)).then([passwordAgeReminded(T0, 31)]);
  });

  it('reminds only once per password', () => {
    spec.given(...active, happened(passwordAgeReminded(T0, 181), 181 * DAY)).when(remindPasswordAge(at(300 * DAY))).thenNothingHappened();
  });

  it('does nothing for a password changed since, while the new one is young', () => {
    spec
      .given(...active, happened(passwordAgeReminded(T0, 181), 181 * DAY), happened(passwordChanged(), 200 * DAY))
      .when(remindPasswordAge(at(300 * DAY)))
      .thenNothingHappened();
  });

  it('reminds again once the changed password is old in its turn', () => {
    spec
      .given(...active, happened(passwordAgeReminded(T0, 181), 181 * DAY), happened(passwordChanged(), 200 * DAY))
      .when(remindPasswordAge(at(381 * DAY)))
      .then([passwordAgeReminded(at(200 * DAY), 181)]);
  });

  it('counts a password reset as a new password', () => {
    spec
      .given(...active, happened(passwordAgeReminded(T0, 181), 181 * DAY), happened(resetCompleted, 190 * DAY))
      .when(remindPasswordAge(at(371 * DAY)))
      .then([passwordAgeReminded(at(190 * DAY), 181)]);
  });

  it('dates a password changed without a reminder from its change, not from registration', () => {
    spec.given(...active, happened(passwordChanged(), 100 * DAY)).when(remindPasswordAge(at(200 * DAY))).thenNothingHappened();
  });

  it.each(['pending_verification', 'locked', 'suspended', 'deletion_scheduled', 'deleted'] as const)('does nothing while the account is %s', (status) => {
    spec.given(...inStatus[status]).when(remindPasswordAge(at(365 * DAY))).thenNothingHappened();
  });

  it('does nothing on an unknown account', () => {
    spec.given().when(remindPasswordAge(at(365 * DAY))).thenNothingHappened();
  });
});
