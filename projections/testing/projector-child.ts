import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';

export type ProjectorLine =
  | { kind: 'ready'; holder: string }
  | { kind: 'batch'; projection: string; first: string; last: string; events: number }
  | { kind: 'lease'; projection: string; held: boolean; at: number }
  | { kind: 'error'; projection: string; error: string };

/** A real projector process (projector-process.ts) and the lines it printed, for failover tests. */
export class ProjectorChild {
  readonly lines: ProjectorLine[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  readonly exited: Promise<void>;

  constructor(env: { DATA_DIR: string; MASTER_KEY: string; LEASE_TTL_MS: number; BATCH: number }) {
    this.child = spawn(process.execPath, typescriptNodeArgs(join(__dirname, 'projector-process.ts')), {
      env: { ...process.env, ...env, LEASE_TTL_MS: String(env.LEASE_TTL_MS), BATCH: String(env.BATCH) },
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.lines.push(JSON.parse(line) as ProjectorLine);
      for (const waiter of this.waiters) waiter();
    });
    this.exited = new Promise((resolve) => this.child.on('close', () => resolve()));
  }

  /** Resolves once a printed line satisfies `test` (rejects if the process dies first or after `timeoutMs`). */
  until(test: (lines: ProjectorLine[]) => boolean, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test(this.lines)) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`projector child: condition not met in ${timeoutMs} ms; stderr: ${this.stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      void this.exited.then(() => {
        if (!this.waiters.has(check)) return;
        cleanup();
        reject(new Error(`projector child exited: ${this.stderr}`));
      });
      check();
    });
  }

  batches(): Extract<ProjectorLine, { kind: 'batch' }>[] {
    return this.lines.filter((line): line is Extract<ProjectorLine, { kind: 'batch' }> => line.kind === 'batch');
  }

  signal(name: 'SIGKILL' | 'SIGSTOP' | 'SIGCONT'): void {
    this.child.kill(name);
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
