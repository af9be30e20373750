import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openAccountHistory, toNdjson } from '@warden/application/compliance/account-history';
import { verifyAccountIntegrity } from '@warden/application/compliance/account-integrity';
import { accountStateAt } from '@warden/application/compliance/account-state-at';
import { parseAsOf } from '@warden/application/compliance/as-of';
import { openBackingServices, type BackingServices } from '@warden/infrastructure/backing-services';
import { loadConfig, type WardenConfig } from '@warden/infrastructure/config/warden-config';
import { DataKeyring } from '@warden/infrastructure/crypto/data-keyring';
import { loadMasterKey } from '@warden/infrastructure/crypto/master-key';
import { AccountEventCodec } from '@warden/infrastructure/event-codec/account-event.codec';
import { DomainError } from '@warden/shared/errors';
import { systemClock } from '@warden/shared/clock';
import { ACCOUNT_PROJECTIONS } from '@warden/projections/account-projections';
import { rebuildOnline } from '@warden/projections/online-rebuild';
import { RebuildProgress } from '@warden/projections/rebuild-progress';
import { leasedRunnerOptions } from '@warden/projections/runner-options';
import { parseCliArgs, USAGE, UsageError, type CliCommand } from './cli-args';
import { formatOutbox, newestMails } from './outbox';

/**
 * `npm run warden -- <command>`: the compliance queries of contract §3.3 and projection
 * rebuilds, offline (no HTTP). Plain construction, no Nest: the same backing services
 * (openBackingServices), the same codec and key material as InfrastructureModule, and the
 * same functions the HTTP handlers call (libs/application/compliance). NDJSON/JSON goes to
 * stdout, messages to stderr.
 */

export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_INTEGRITY_BROKEN = 2;

class CliError extends Error {
  override readonly name = 'CliError';
}

interface Wired {
  config: WardenConfig;
  services: BackingServices;
  codec: AccountEventCodec;
}

async function run(command: Exclude<CliCommand, { kind: 'help' }>, { config, services, codec }: Wired): Promise<number> {
  const deps = { events: services.events, codec };
  switch (command.kind) {
    case 'history': {
      const asOf = command.asOf === undefined ? undefined : parseAsOf(command.asOf, systemClock.now());
      for await (const page of await openAccountHistory(deps, command.accountId, { asOf })) await write(toNdjson(page));
      return EXIT_OK;
    }
    case 'state': {
      const state = await accountStateAt(deps, command.accountId, parseAsOf(command.asOf, systemClock.now()));
      await write(`${JSON.stringify(state, null, 2)}\n`);
      return EXIT_OK;
    }
    case 'integrity': {
      const report = await verifyAccountIntegrity(services.events, command.accountId);
      await write(`${JSON.stringify(report)}\n`);
      if (!report.valid) {
        const { revision, reason } = report.brokenAt;
        process.stderr.write(`warden: the hash chain of account ${command.accountId} is broken at revision ${revision} (${reason})\n`);
      }
      return report.valid ? EXIT_OK : EXIT_INTEGRITY_BROKEN;
    }
    case 'projections:rebuild':
      return rebuild(command.projection, { config, services, codec });
    case 'outbox':
      await write(formatOutbox(newestMails(join(config.dataDir, 'outbox'), command.last)));
      return EXIT_OK;
    default: {
      const unknown: never = command;
      throw new Error(`unhandled command ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * Rebuild without downtime: the next version of each read model is built beside the live
 * one, with the projector role still serving, then put in its place (rebuildOnline). The
 * runner is built as apps/projector builds it (ACCOUNT_PROJECTIONS, codec.decode, the
 * configured batch, leases); the mail reactor is not in that list, so nobody is mailed again.
 * Progress goes to stderr, the JSON summary to stdout.
 */
async function rebuild(name: string | undefined, { config, services, codec }: Wired): Promise<number> {
  const names = ACCOUNT_PROJECTIONS.map((p) => p.name);
  if (name !== undefined && !names.includes(name)) {
    throw new CliError(`unknown projection "${name}"; one of: ${names.join(', ')} (the mail reactor is never rebuilt)`);
  }
  const targets = name === undefined ? names : [name];
  const head = await services.events.headPosition();
  const progress = new RebuildProgress(process.stderr, targets, head);
  const options = leasedRunnerOptions(config, services.read, (projection, error) =>
    process.stderr.write(`warden: projection ${projection} failed: ${error instanceof Error ? error.message : String(error)}\n`),
  );
  const started = Date.now();
  const rebuilt = await rebuildOnline(
    { events: services.events, store: services.read, projections: ACCOUNT_PROJECTIONS, decode: (e) => codec.decode(e) },
    name === undefined ? undefined : [name],
    // The runner names the versions being built `<name>~next`.
    { ...options, onBatch: (projection, batch) => progress.batch(projection.replace(/~next$/, ''), batch.last, batch.events) },
  );
  process.stderr.write(`${progress.summary()}\n`);
  const summary = rebuilt.map((r) => ({ name: r.name, position: r.position ?? null }));
  await write(`${JSON.stringify({ rebuilt: summary, head: head ?? null, ms: Date.now() - started })}\n`);
  return EXIT_OK;
}

/** Opens what the commands need, refusing a data dir that holds no Warden data (rather than creating one). */
async function wire(config: WardenConfig): Promise<Wired> {
  if (!config.eventStoreUrl && !existsSync(join(config.dataDir, 'events.db'))) {
    throw new CliError(`no event store in ${config.dataDir} (set WARDEN_DATA_DIR, or EVENTSTORE_URL)`);
  }
  if (!config.masterKey && !existsSync(join(config.dataDir, 'master.key'))) {
    throw new CliError(`no master key: set WARDEN_MASTER_KEY, or WARDEN_DATA_DIR to the directory holding master.key`);
  }
  const masterKey = loadMasterKey(config.masterKey, config.dataDir);
  const services = await openBackingServices(config);
  return { config, services, codec: new AccountEventCodec(new DataKeyring(services.keys, masterKey)) };
}

/** Writes to stdout, waiting when the pipe is full. */
function write(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

function describe(error: unknown): string {
  if (error instanceof DomainError) {
    const details = error.details === undefined ? '' : ` ${JSON.stringify(error.details)}`;
    return `${error.code}: ${error.message}${details}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function main(argv: readonly string[]): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`warden: ${error.message}\n\n${USAGE}\n`);
    return EXIT_ERROR;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  let wired: Wired | undefined;
  try {
    try {
      process.loadEnvFile?.();
    } catch {
      // No .env file: the environment alone configures Warden.
    }
    wired = await wire(loadConfig());
    return await run(command, wired);
  } catch (error) {
    // A reader that stopped early (`| head`) is not an error of ours.
    if ((error as { code?: unknown })?.code === 'EPIPE') return EXIT_OK;
    process.stderr.write(`warden: ${describe(error)}\n`);
    return EXIT_ERROR;
  } finally {
    await wired?.services.close().catch((error: unknown) => process.stderr.write(`warden: closing failed: ${describe(error)}\n`));
  }
}

if (require.main === module) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Whatever a client library leaves open (a Redis or MongoDB socket) must not keep us alive.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (error: unknown) => {
      process.stderr.write(`warden: ${describe(error)}\n`);
      process.exit(EXIT_ERROR);
    },
  );
}
