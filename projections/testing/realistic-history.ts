import { randomUUID } from 'node:crypto';
import type { AccountEvent } from '@warden/account/account.events';
import type { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { accountStream } from '@warden/infrastructure/event-codec/account-streams';
import type { EventStore } from '@warden/infrastructure/event-store/event-store.port';

/** Events each account of `seedRealisticHistory` gets. */
export const EVENTS_PER_ACCOUNT = 12;

const CLIENT = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (bench)', deviceId: 'device-1' };
const ORIGIN = { device: 'device-1', network: '203.0.113.0/24' };

/**
 * The life of one account as the handlers write it: registration, verification, a failed
 * and a good login, use, a profile change, logout, a credential; every projection has
 * work, and personal fields are encrypted by the real codec. Appended in several commands,
 * as the service would.
 */
function lifeOf(accountId: string, n: number): AccountEvent[][] {
  const sessionId = randomUUID();
  const expiresAt = '2027-01-01T00:00:00.000Z';
  return [
    [
      {
        type: 'AccountRegistered',
        data: { accountId, email: `user${n}@example.com`, username: `user${n}`, displayName: `User ${n}`, passwordHash: 'bcrypt', origin: ORIGIN },
      },
      { type: 'EmailVerificationRequested', data: { tokenId: randomUUID(), tokenHash: 'h', expiresAt, email: `user${n}@example.com` } },
    ],
    [{ type: 'EmailVerified', data: { email: `user${n}@example.com` } }],
    [{ type: 'LoginFailed', data: { reason: 'wrong_password' } }],
    [
      { type: 'SessionStarted', data: { sessionId, tokenHash: `sh-${sessionId}`, expiresAt, idleTimeoutSeconds: 604800, origin: ORIGIN } },
      { type: 'LoginSucceeded', data: { sessionId } },
    ],
    [{ type: 'SessionSeen', data: { sessionId } }],
    [{ type: 'DisplayNameChanged', data: { displayName: `User ${n} (renamed)` } }],
    [{ type: 'CredentialIssued', data: { credentialId: randomUUID(), label: 'ci', prefix: `wdn_${n}`, secretHash: `ch-${n}` } }],
    [{ type: 'PasswordChanged', data: { passwordHash: 'bcrypt2' } }],
    [{ type: 'SessionSeen', data: { sessionId } }],
    [{ type: 'SessionRevoked', data: { sessionId, reason: 'logout' } }],
  ] as AccountEvent[][];
}

/** Appends `accounts` accounts' lives, interleaved a little (as concurrent users would be); returns how many events. */
export async function seedRealisticHistory(events: EventStore, codec: AccountEventCodec, accounts: number): Promise<number> {
  return (await seedAccounts(events, codec, accounts)).events;
}

/** seedRealisticHistory, telling the accounts' ids too. */
export async function seedAccounts(events: EventStore, codec: AccountEventCodec, accounts: number): Promise<{ events: number; accountIds: string[] }> {
  const lives = Array.from({ length: accounts }, (_, n) => {
    const id = randomUUID();
    return { id, commands: lifeOf(id, n), revision: -1 };
  });
  let appended = 0;
  const metadata = { correlationId: randomUUID(), causationId: randomUUID(), actor: { type: 'service' as const, id: 'seed' }, client: CLIENT };
  // Ten accounts at a time, one command each in turn.
  for (let start = 0; start < lives.length; start += 10) {
    const group = lives.slice(start, start + 10);
    for (let step = 0; group.some((life) => step < life.commands.length); step++) {
      for (const life of group) {
        const command = life.commands[step];
        if (!command) continue;
        const encoded = await codec.encode(life.id, command, { ...metadata, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, appended)).toISOString() });
        const result = await events.append(accountStream(life.id), encoded, life.revision < 0 ? 'no_stream' : life.revision);
        life.revision = result.revision;
        appended += encoded.length;
      }
    }
  }
  return { events: appended, accountIds: lives.map((life) => life.id) };
}
