/** What `npm run warden -- <command> …` asks for; see USAGE. */
export type CliCommand =
  | { kind: 'history'; accountId: string; asOf?: string }
  | { kind: 'state'; accountId: string; asOf?: string }
  | { kind: 'integrity'; accountId: string }
  | { kind: 'projections:rebuild'; projection?: string }
  | { kind: 'outbox'; last: number }
  | { kind: 'help' };

export const USAGE = `usage: npm run --silent warden -- <command>

  history <accountId> [--as-of <time>]   every event of the account, oldest first, as NDJSON
                                         (--as-of: only events that had happened by then)
  state <accountId> [--as-of <time>]     the account as it stood then (default: now), as JSON
  integrity <accountId>                  verifies the account's hash chain; exit code 2 when broken
  projections:rebuild [name]             rebuilds the read models (or the one named) from the event
                                         store beside the live ones, then switches reads to them;
                                         the projector keeps serving. Never the mail reactor.
                                         Progress on stderr, a JSON summary on stdout.
  outbox [count]                         the newest mails of the embedded .eml outbox (default 5),
                                         decoded: recipient, subject and text with its links

Configuration comes from the environment (and .env) as for the service: WARDEN_DATA_DIR,
EVENTSTORE_URL, MONGODB_URL, WARDEN_MASTER_KEY… <time> is ISO-8601 with a zone, e.g.
2025-01-31T12:00:00Z. Exit codes: 0 ok, 1 error, 2 integrity broken.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  const { positional, asOf } = splitOptions(rest, command === 'history' || command === 'state');
  switch (command) {
    case 'history':
    case 'state':
      return { kind: command, accountId: accountIdOf(positional), ...(asOf !== undefined ? { asOf } : {}) };
    case 'integrity':
      return { kind: 'integrity', accountId: accountIdOf(positional) };
    case 'projections:rebuild':
      if (positional.length > 1) throw new UsageError('projections:rebuild takes at most one projection name');
      return positional.length === 1 ? { kind: command, projection: positional[0] } : { kind: command };
    case 'outbox': {
      const last = positional.length === 0 ? 5 : Number(positional[0]);
      if (positional.length > 1 || !Number.isInteger(last) || last < 1) throw new UsageError('outbox takes one count, e.g. outbox 3');
      return { kind: 'outbox', last };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function splitOptions(args: readonly string[], allowAsOf: boolean): { positional: string[]; asOf?: string } {
  const positional: string[] = [];
  let asOf: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--as-of' || arg.startsWith('--as-of=')) {
      if (!allowAsOf) throw new UsageError('--as-of applies to history and state only');
      if (asOf !== undefined) throw new UsageError('--as-of given twice');
      const value = arg === '--as-of' ? args[++i] : arg.slice('--as-of='.length);
      if (value === undefined || value === '') throw new UsageError('--as-of needs a time, e.g. 2025-01-31T12:00:00Z');
      asOf = value;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, asOf };
}

function accountIdOf(positional: readonly string[]): string {
  if (positional.length !== 1) throw new UsageError('give exactly one account id');
  if (!UUID.test(positional[0])) throw new UsageError(`"${positional[0]}" is not an account id (a UUID)`);
  return positional[0];
}
