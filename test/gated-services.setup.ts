import { existsSync } from 'node:fs';

/**
 * Says, once at the top of every run, which contract suites will be skipped and why:
 * jest does not always show a skipped file's console output in a multi-file run.
 */
const GATED: Array<[variable: string, suites: string]> = [
  ['EVENTSTORE_URL', 'EventStoreDB event store contract'],
  ['MONGODB_URL', 'MongoDB read store contract, MongoDB key store contract'],
];

export default function announceGatedSuites(): void {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    process.stdout.write(`\nSKIPPED: browser suites (*.browser.spec.ts) — no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
  }
  for (const [variable, suites] of GATED) {
    const line = process.env[variable]
      ? `RUNNING: ${suites} against ${variable}`
      : `SKIPPED: ${suites} — ${variable} is not set (docker compose -f docker/compose.yml up, then set it)`;
    process.stdout.write(`\n${line}\n`);
  }
}
