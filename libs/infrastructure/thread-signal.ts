import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';

/**
 * A wake-up between the threads of one process that open the same SQLite file: the api
 * on the main thread and the projector and worker on a second one (see apps/role-thread.ts).
 * SQLite tells other connections about a commit only when they poll (data_version), so a
 * thread that commits posts here and the others learn of it at once, with no poll and no
 * payload: each re-reads what it needs. The channel is per file, so two stores never wake
 * each other by mistake, and unref'd, so it never keeps a process alive.
 */
export class ThreadSignal {
  private readonly channel: BroadcastChannel;

  constructor(topic: string, file: string, onSignal: () => void) {
    this.channel = new BroadcastChannel(`warden:${topic}:${resolve(file)}`);
    this.channel.onmessage = () => onSignal();
    this.channel.unref();
  }

  /** Wakes the other holders of this signal (never this one: it knows already). */
  post(): void {
    this.channel.postMessage(0);
  }

  close(): void {
    this.channel.close();
  }
}
