import type { AccountEvent } from '../account.events';
import { isSessionLive, liveSessions, type SessionState } from './sign-in.state';
import { active, at, DAY, happened, revoked, sessionSeen, sessionStarted, stateOf, T0 } from '../testing/fixtures';
import type { Given } from '@warden/shared/testing/decider-spec';

const instant = (minutes: number) => new Date(at(minutes));

describe('isSessionLive', () => {
  const session: SessionState = {
    sessionId: 's1',
    tokenHash: 'sh-s1',
    startedAt: T0,
    expiresAt: at(30 * DAY),
    idleTimeoutSeconds: 7 * 86400,
    lastSeenAt: T0,
  };

  it('is live right after it starts', () => {
    expect(isSessionLive(session, instant(0))).toBe(true);
  });

  it('idles out 7 days after it was last seen', () => {
    expect(isSessionLive(session, instant(7 * DAY - 1))).toBe(true);
    expect(isSessionLive(session, instant(7 * DAY))).toBe(false);
  });

  it('stays live while it keeps being seen', () => {
    expect(isSessionLive({ ...session, lastSeenAt: at(6 * DAY) }, instant(12 * DAY))).toBe(true);
  });

  it('ends at its absolute expiry, however recently it was seen', () => {
    const seenLate = { ...session, lastSeenAt: at(29 * DAY) };
    expect(isSessionLive(seenLate, instant(30 * DAY - 1))).toBe(true);
    expect(isSessionLive(seenLate, instant(30 * DAY))).toBe(false);
  });
});

/** By day 8: 'idle' idled out (7 days unseen), 'expired' is past its expiry; 'fresh' and 'seen' live. */
const sessionsOfEightDays: Given<AccountEvent>[] = [
  ...active,
  sessionStarted('idle'),
  happened(sessionStarted('expired', { expiresAt: at(6 * DAY) }), 5 * DAY),
  happened(sessionStarted('fresh'), 5 * DAY),
  sessionStarted('seen'),
  happened(sessionSeen('seen'), 6 * DAY),
];

describe('liveSessions', () => {
  const idsLiveAt = (minutes: number, ...history: Given<AccountEvent>[]) =>
    liveSessions(stateOf(...history), instant(minutes)).map((s) => s.sessionId);

  it('lists the sessions started and not revoked', () => {
    expect(idsLiveAt(10, ...active, sessionStarted('s1'), sessionStarted('s2'), sessionStarted('s3'), ...revoked('logout', 's2'))).toEqual([
      's1',
      's3',
    ]);
  });

  it('leaves out sessions past their absolute expiry or idle too long', () => {
    expect(idsLiveAt(8 * DAY, ...sessionsOfEightDays)).toEqual(['fresh', 'seen']);
  });

  it('dates a session from when it started, not from the first event', () => {
    expect(idsLiveAt(8 * DAY, ...active, happened(sessionStarted('s1'), 2 * DAY))).toEqual(['s1']);
    expect(idsLiveAt(9 * DAY, ...active, happened(sessionStarted('s1'), 2 * DAY))).toEqual([]);
  });
});

describe('the sessions the fold keeps', () => {
  it('drops the sessions already dead when a new one starts, so busy accounts do not carry every session ever', () => {
    const state = stateOf(...sessionsOfEightDays, happened(sessionStarted('new'), 8 * DAY));
    expect(Object.keys(state.sessions).sort()).toEqual(['fresh', 'new', 'seen']);
  });

  it('keeps a thousand daily logins down to the sessions still live', () => {
    const logins = Array.from({ length: 1000 }, (_, day) => happened(sessionStarted(`day-${day}`, { expiresAt: at((day + 30) * DAY) }), day * DAY));
    const state = stateOf(...active, ...logins);
    // Idle timeout 7 days: the last week's sessions, the newest included.
    expect(Object.keys(state.sessions)).toHaveLength(7);
    expect(liveSessions(state, instant(999 * DAY)).map((s) => s.sessionId)).toContain('day-999');
  });

  it('keeps every live session, however old', () => {
    const state = stateOf(...active, sessionStarted('s1'), happened(sessionSeen('s1'), 6 * DAY), happened(sessionStarted('s2'), 10 * DAY));
    expect(Object.keys(state.sessions).sort()).toEqual(['s1', 's2']);
  });
});

