import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { parseRoles } from './roles';
import { createWarden } from './warden.app';

/**
 * `node dist/apps/main.js [all|api|projector|worker]` — the roles of contract §1.
 * A `.env` file in the working directory is read first (variables already set win).
 */
async function main(): Promise<void> {
  try {
    process.loadEnvFile?.();
  } catch {
    // No .env file: the environment alone configures Warden.
  }
  const config = loadConfig();
  const roles = parseRoles(process.argv[2]);
  const warden = await createWarden(config, roles);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const { describe } = warden.services;
  out(`warden: roles ${roles.join(', ')}; events=${describe.events} read=${describe.read} queue=${describe.queue} mail=${describe.mail}; data dir ${config.dataDir}`);
  if (warden.apiKeysFile) out(`warden: API keys are in ${warden.apiKeysFile}`);
  if (warden.app) {
    await warden.app.listen(config.port);
    // The port bound, which PORT=0 leaves to the system.
    const { port } = warden.app.getHttpServer().address() as AddressInfo;
    out(`warden: listening on http://localhost:${port} (docs at /docs)`);
    if (config.console.signIn !== 'off') out(`warden: console at http://localhost:${port}/console (sign in with a support or compliance key)`);
  }
  const shutdown = () => {
    warden.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`warden failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
