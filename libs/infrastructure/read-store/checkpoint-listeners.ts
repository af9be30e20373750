import { ThreadSignal } from '../thread-signal';

/**
 * The listeners of a read store's checkpoint writes (see ReadStore.onCheckpoint): those of
 * this thread, told at once, and through them those of the other threads of the process
 * that have the same file open (a read-your-writes wait in the api thread learns of the
 * projector thread's checkpoint without polling).
 */
export class CheckpointListeners {
  private readonly listeners = new Set<() => void>();
  private readonly threads?: ThreadSignal;

  /** `file`: the SQLite file whose other connections in this process's threads to tell. */
  constructor(file?: string) {
    if (file) this.threads = new ThreadSignal('checkpointed', file, () => this.tell());
  }

  add(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    this.tell();
    this.threads?.post();
  }

  close(): void {
    this.threads?.close();
  }

  private tell(): void {
    for (const listener of this.listeners) listener();
  }
}
