import type { EndSession } from './sign-in.commands';
import { active, at, DAY, happened, revoked, sessionSeen, sessionStarted, spec } from '../testing/fixtures';

const later = at(10);
/** Three sessions from T0: s1 and s3 live, s2 already logged out. */
const threeSessions = [sessionStarted('s1'), sessionStarted('s2'), sessionStarted('s3'), ...revoked('logout', 's2')];
/** At day 8: s1 live (started day 5), s2 past its absolute expiry (day 6), s3 idle since T0. */
const day8 = at(8 * DAY);
const mixedAtDay8 = [
  happened(sessionStarted('s1'), 5 * DAY),
  happened(sessionStarted('s2', { expiresAt: at(6 * DAY) }), 5 * DAY),
  sessionStarted('s3'),
];

describe('EndSession', () => {
  const end = (reason: EndSession['reason'], now = later): EndSession => ({ type: 'EndSession', now, sessionId: 's1', reason });

  it.each(['revoked_by_owner', 'revoked_by_support'] as const)('revokes a live session with the reason %s', (reason) => {
    spec.given(...active, ...threeSessions).when(end(reason)).then(revoked(reason, 's1'));
  });

  it('refuses a session past its absolute expiry', () => {
    spec
      .given(...active, sessionStarted('s1', { expiresAt: at(60) }))
      .when(end('revoked_by_owner', at(60)))
      .thenThrows('session_not_found');
  });
});

describe('EndOtherSessions', () => {
  const endOthers = (keepSessionId: string, now = later) => ({ type: 'EndOtherSessions' as const, now, keepSessionId });

  it('keeps one session and signs the other live ones out', () => {
    spec
      .given(...active, ...threeSessions, sessionStarted('s4'))
      .when(endOthers('s3'))
      .then(revoked('signed_out_elsewhere', 's1', 's4'));
  });

  it('leaves expired sessions alone', () => {
    spec
      .given(...active, ...mixedAtDay8, happened(sessionStarted('s4'), 5 * DAY))
      .when(endOthers('s4', day8))
      .then(revoked('signed_out_elsewhere', 's1'));
  });

  it('does nothing when the kept session is the only one', () => {
    spec.given(...active, sessionStarted('s1')).when(endOthers('s1')).thenNothingHappened();
  });

  it('refuses to keep an unknown session', () => {
    spec.given(...active, ...threeSessions).when(endOthers('s9')).thenThrows('session_not_found');
  });

  it('refuses to keep a session that has ended', () => {
    spec.given(...active, ...threeSessions).when(endOthers('s2')).thenThrows('session_not_found');
  });

  it('refuses on an unknown account', () => {
    spec.given().when(endOthers('s1')).thenThrows('account_not_found');
  });
});

describe('EndAllSessions', () => {
  const endAll = (now = later) => ({ type: 'EndAllSessions' as const, now });

  it('revokes every live session for support', () => {
    spec
      .given(...active, ...threeSessions)
      .when(endAll())
      .then(revoked('revoked_by_support', 's1', 's3'));
  });

  it('does not revoke sessions already over by absolute or idle expiry', () => {
    spec
      .given(...active, ...mixedAtDay8)
      .when(endAll(day8))
      .then(revoked('revoked_by_support', 's1'));
  });

  it('does nothing when no session is live', () => {
    spec.given(...active, sessionStarted('s1'), ...revoked('logout', 's1')).when(endAll()).thenNothingHappened();
  });

  it('refuses on an unknown account', () => {
    spec.given().when(endAll()).thenThrows('account_not_found');
  });
});

describe('TouchSession', () => {
  const touch = (minutes: number, sessionId = 's1') => ({
    type: 'TouchSession' as const,
    now: at(minutes),
    sessionId,
    minIntervalSeconds: 300,
  });

  it('records use once the interval has passed since the start', () => {
    spec.given(...active, sessionStarted('s1')).when(touch(5)).then([sessionSeen('s1')]);
  });

  it('records nothing within the interval', () => {
    spec.given(...active, sessionStarted('s1')).when(touch(4)).thenNothingHappened();
  });

  it('measures the interval from the last recorded use', () => {
    spec.given(...active, sessionStarted('s1'), happened(sessionSeen('s1'), 10)).when(touch(14)).thenNothingHappened();
    spec.given(...active, sessionStarted('s1'), happened(sessionSeen('s1'), 10)).when(touch(15)).then([sessionSeen('s1')]);
  });

  it('records nothing for a revoked or unknown session', () => {
    spec.given(...active, ...threeSessions).when(touch(10, 's2')).thenNothingHappened();
    spec.given(...active, ...threeSessions).when(touch(10, 's9')).thenNothingHappened();
  });

  it('records nothing once the session has idled out', () => {
    spec.given(...active, sessionStarted('s1')).when(touch(7 * DAY + 1)).thenNothingHappened();
  });

  describe('a session seen recently', () => {
    const seenOnDay6 = [...active, sessionStarted('s1'), happened(sessionSeen('s1'), 6 * DAY)];

    it('stays live past 7 days from its start', () => {
      spec.given(...seenOnDay6).when(touch(8 * DAY)).then([sessionSeen('s1')]);
    });

    it('can still be ended past 7 days from its start', () => {
      spec
        .given(...seenOnDay6)
        .when({ type: 'EndSession', now: at(8 * DAY), sessionId: 's1', reason: 'logout' })
        .then(revoked('logout', 's1'));
    });

    it('idles out 7 days after it was last seen', () => {
      spec.given(...seenOnDay6).when(touch(13 * DAY)).thenNothingHappened();
    });
  });
});

describe('EndSession by its owner', () => {
  const end = (sessionId: string, now = at(10)) => ({ type: 'EndSession' as const, now, sessionId, reason: 'logout' as const });

  it('revokes a live session', () => {
    spec.given(...active, sessionStarted('s1')).when(end('s1')).then(revoked('logout', 's1'));
  });

  it('refuses an unknown session', () => {
    spec.given(...active, sessionStarted('s1')).when(end('s2')).thenThrows('session_not_found');
  });

  it('refuses a session already revoked', () => {
    spec.given(...active, sessionStarted('s1'), ...revoked('logout', 's1')).when(end('s1')).thenThrows('session_not_found');
  });

  it('treats a session idle for 7 days as ended', () => {
    spec.given(...active, sessionStarted('s1')).when(end('s1', at(7 * DAY + 1))).thenThrows('session_not_found');
  });

  it('refuses on an unknown account', () => {
    spec.given().when(end('s1')).thenThrows('account_not_found');
  });
});
