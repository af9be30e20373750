import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { PASSWORD, CLIENT, registeredAccount, startBenchWarden, verifiedAccount } from './support/bench-warden';
import { info, ratesSideBySide } from './support/measure';

/**
 * A CPU profile of the write path under load, taken only while the load runs (not during
 * start-up and account set-up), outside the bench's ratios:
 *   npm run build && node dist/bench/profile.js [rename|login|live] [seconds] [roles] [out.cpuprofile]
 * then open the file in Chrome DevTools, or: node scripts/cpu-profile-top.js out.cpuprofile
 */
async function main(): Promise<void> {
  const [what = 'rename', seconds = '8', roles = 'api,projector,worker', out = 'write-path.cpuprofile'] = process.argv.slice(2);
  const w = await startBenchWarden({ BCRYPT_COST: what === 'login' ? '10' : '4' }, roles.split(',') as never);
  const session = new Session();
  session.connect();
  try {
    const account = what === 'login' ? verifiedAccount : registeredAccount;
    const accounts = await Promise.all(Array.from({ length: 8 }, (_, i) => account(w, `profile-${i}@example.com`)));
    const load = (c: number, i: number) =>
      what === 'login'
        ? w.client.post('/v1/logins', { email: `profile-${c}@example.com`, password: PASSWORD, context: CLIENT })
        : what === 'live'
          ? w.client.send('GET', '/health/live')
          : w.client.send('PATCH', `/v1/accounts/${accounts[c]}/profile`, { displayName: `Name ${i}` });
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    const [rate] = await ratesSideBySide(8, [load], { rounds: 1, windowMs: Number(seconds) * 1000 });
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(out, JSON.stringify(profile));
    info(`${what}: ${rate.toFixed(0)} req/s with 8 clients; profile in ${out}`);
  } finally {
    session.disconnect();
    await w.close();
  }
}

void main();
