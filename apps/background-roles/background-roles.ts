import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { MetricReadings } from '@warden/infrastructure/metrics/warden-metrics';
import { startThread } from '@warden/infrastructure/thread-script';
import type { Role } from '../roles';
import type { BackgroundRolesData, FromBackground, ToBackground } from './messages';


/**
 * The projector and the worker of a Warden process, on a thread of their own, so that
 * projecting, mailing and scheduling never run on the event loop that answers requests
 * and a second core does that work. They share nothing with the api thread but the
 * stores, exactly as separate processes would (contract §1 roles); ThreadSignal only
 * tells them at once what they would otherwise learn by polling.
 */
export class BackgroundRoles {
  private readonly pending = new Map<number, (readings: MetricReadings) => void>();
  private nextId = 0;
  private closing = false;

  private constructor(
    private readonly worker: Worker,
    onFailure: (error: Error) => void,
  ) {
    worker.on('message', (message: FromBackground) => {
      if (message.type !== 'metrics') return;
      this.pending.get(message.id)?.(message.readings);
      this.pending.delete(message.id);
    });
    worker.on('error', (error) => onFailure(error));
    worker.on('exit', (code) => {
      for (const resolve of this.pending.values()) resolve([]);
      this.pending.clear();
      if (!this.closing) onFailure(new Error(`the background thread (${code}) stopped`));
    });
  }

  /** Resolves once the roles run; rejects if they cannot start. `onFailure`: the thread died later. */
  static start(env: BackgroundRolesData['env'], roles: Role[], onFailure: (error: Error) => void): Promise<BackgroundRoles> {
    const data: BackgroundRolesData = { env, roles };
    const worker = startThread(join(__dirname, 'background-roles.thread'), __filename, { workerData: data });
    return new Promise((resolve, reject) => {
      const started = (message: FromBackground) => {
        if (message.type === 'ready') {
          worker.off('message', started);
          worker.off('error', reject);
          resolve(new BackgroundRoles(worker, onFailure));
        } else if (message.type === 'failed') {
          void worker.terminate();
          reject(new Error(`the background roles failed to start: ${message.message}`));
        }
      };
      worker.on('message', started);
      worker.once('error', reject);
    });
  }

  /** The thread's metrics, read now (none if it does not answer). */
  readings(): Promise<MetricReadings> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ type: 'metrics', id });
    });
  }

  /** Stops the roles as their own close() does (in-flight work finished), then the thread. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.send({ type: 'close' });
    await exited;
  }

  private send(message: ToBackground): void {
    this.worker.postMessage(message);
  }
}
