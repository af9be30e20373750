import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { typescriptNodeArgs } from '@warden/shared/testing/ts-child';

/**
 * A child that prints `ready` once loaded, waits for `go` on stdin (so that all children
 * start their work together), then prints one JSON line with its result and exits.
 */
export class TsWorker {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private stderr = '';
  private readonly readyPromise: Promise<void>;
  private readonly exitPromise: Promise<number | null>;

  constructor(entry: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, typescriptNodeArgs(entry), {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    const stdout = createInterface({ input: this.child.stdout });
    this.exitPromise = new Promise((resolve) => this.child.on('close', resolve));
    this.readyPromise = new Promise((resolve, reject) => {
      stdout.on('line', (line) => {
        this.lines.push(line);
        if (line === 'ready') resolve();
      });
      this.exitPromise.then(() => reject(new Error(`worker exited before ready: ${this.stderr}`)));
    });
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  go(): void {
    this.child.stdin.end('go\n');
  }

  /** The JSON result line, once the process has exited cleanly. */
  async result<T>(): Promise<T> {
    const code = await this.exitPromise;
    if (code !== 0) throw new Error(`worker exited with ${code}: ${this.stderr}`);
    return JSON.parse(this.lines[this.lines.length - 1]) as T;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
