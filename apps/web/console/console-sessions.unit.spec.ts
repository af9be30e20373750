import { InMemoryReadStore } from '../../api/http/testing/in-memory-read-store';
import { CONSOLE_SESSIONS, ConsoleSessions } from './console-sessions';

describe('ConsoleSessions', () => {
  let now = new Date('2026-12-01T09:00:00Z');
  const clock = { now: () => now };
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const staff = { staffId: 'agent-7', keyNames: { support: 'desk' } };
  let store: InMemoryReadStore;
  let sessions: ConsoleSessions;

  beforeEach(() => {
    now = new Date('2026-12-01T09:00:00Z');
    store = new InMemoryReadStore();
    sessions = new ConsoleSessions(store, clock, { idleSeconds: 1800, absoluteSeconds: 12 * 3600 });
  });

  it('finds a session by its token, and stores only the token\'s hash and the key\'s name', async () => {
    const token = await sessions.start(staff);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await sessions.find(token)).toMatchObject({ staffId: 'agent-7', keyNames: { support: 'desk' }, flash: null });
    const stored = JSON.stringify(await store.collection(CONSOLE_SESSIONS).find({}));
    expect(stored).not.toContain(token);
    expect(await sessions.find('not-a-token')).toBeNull();
    expect(await sessions.find(undefined)).toBeNull();
  });

  it('ends after the idle timeout, but each use keeps it alive', async () => {
    const token = await sessions.start(staff);
    later(1700);
    expect(await sessions.find(token)).not.toBeNull(); // touched: idle counts from here
    later(1700);
    expect(await sessions.find(token)).not.toBeNull();
    later(1801);
    expect(await sessions.find(token)).toBeNull();
    later(-1801);
    expect(await sessions.find(token)).toBeNull(); // deleted, not merely hidden
  });

  it('ends after the absolute lifetime however busy', async () => {
    const token = await sessions.start(staff);
    for (let used = 0; used < 28; used++) {
      later(1500); // 28 × 25 min = 11 h 40 min, never idle
      expect(await sessions.find(token)).not.toBeNull();
    }
    later(1500);
    expect(await sessions.find(token)).toBeNull();
  });

  it('ends at sign-out, and keeps a flash until it is cleared', async () => {
    const token = await sessions.start(staff);
    const session = (await sessions.find(token))!;
    await sessions.setFlash(session, { tone: 'done', text: 'Locked.', position: '00000000000000000042' });
    const next = (await sessions.find(token))!;
    expect(next.flash).toEqual({ tone: 'done', text: 'Locked.', position: '00000000000000000042' });
    await sessions.clearFlash(next);
    expect((await sessions.find(token))!.flash).toBeNull();
    await sessions.end(token);
    expect(await sessions.find(token)).toBeNull();
  });

  it('purges sessions past their idle timeout', async () => {
    await sessions.start(staff);
    later(1000);
    const fresh = await sessions.start(staff);
    later(1000);
    expect(await sessions.purgeExpired()).toBe(1);
    expect(await sessions.find(fresh)).not.toBeNull();
  });
});
