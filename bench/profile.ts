import 'reflect-metadata';
import { PASSWORD, CLIENT, startBenchWarden, verifiedAccount } from './support/bench-warden';
import { info, ratePerSecond } from './support/measure';

/**
 * Load for a CPU profile of the write path, outside the bench's ratios:
 *   npm run build && node --cpu-prof --cpu-prof-dir=prof dist/bench/profile.js [rename|login] [seconds] [roles]
 * then open prof/*.cpuprofile in Chrome DevTools (or summarise it with scripts/cpu-profile-top.js).
 */
async function main(): Promise<void> {
  const [what = 'rename', seconds = '8', roles = 'api,projector,worker'] = process.argv.slice(2);
  const w = await startBenchWarden({ BCRYPT_COST: what === 'login' ? '10' : '4' }, roles.split(',') as never);
  try {
    const accounts = await Promise.all(Array.from({ length: 8 }, (_, i) => verifiedAccount(w, `profile-${i}@example.com`)));
    const rate = await ratePerSecond(8, Number(seconds) * 1000, (c, i) =>
      what === 'login'
        ? w.client.post('/v1/logins', { email: `profile-${c}@example.com`, password: PASSWORD, context: CLIENT })
        : w.client.send('PATCH', `/v1/accounts/${accounts[c]}/profile`, { displayName: `Name ${i}` }),
    );
    info(`${what}: ${rate.toFixed(0)} req/s with 8 clients`);
  } finally {
    await w.close();
  }
}

void main();
