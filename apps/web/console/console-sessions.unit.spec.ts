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
    expect(await sessions.find(token)).toMatchObject({ staffId: 'agent-7', keyNames: { support: 'desk' }, flashes: [] });
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

  it('ends at sign-out, and keeps a flash until the page it names takes it', async () => {
    const token = await sessions.start(staff);
    const id = await sessions.keepFlash((await sessions.find(token))!, { tone: 'done', text: 'Locked.', position: '00000000000000000042' });
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(await sessions.takeFlash((await sessions.find(token))!, undefined)).toBeNull();
    expect(await sessions.takeFlash((await sessions.find(token))!, 'another-name')).toBeNull();
    expect(await sessions.takeFlash((await sessions.find(token))!, id)).toEqual({ tone: 'done', text: 'Locked.', position: '00000000000000000042' });
    expect(await sessions.takeFlash((await sessions.find(token))!, id)).toBeNull(); // shown once
    await sessions.end(token);
    expect(await sessions.find(token)).toBeNull();
  });

  it('keeps the flashes of actions taken in several tabs, each for its own page, the last five', async () => {
    const token = await sessions.start(staff);
    const ids: string[] = [];
    for (let i = 1; i <= 6; i++) ids.push(await sessions.keepFlash((await sessions.find(token))!, { tone: 'done', text: `Action ${i}.` }));
    expect(await sessions.takeFlash((await sessions.find(token))!, ids[0])).toBeNull();
    expect(await sessions.takeFlash((await sessions.find(token))!, ids[5])).toEqual({ tone: 'done', text: 'Action 6.' });
    expect(await sessions.takeFlash((await sessions.find(token))!, ids[1])).toEqual({ tone: 'done', text: 'Action 2.' });
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
