import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { createWarden, type RunningWarden } from '../warden.app';
import type { BackgroundRolesData, FromBackground, ToBackground } from './messages';

// The second thread of a Warden process (see background-roles.ts): the projector and the
// worker, built from the same environment as the api thread, on their own event loop.
const port = (() => {
  if (!parentPort) throw new Error('background-roles.thread runs as a worker thread only');
  return parentPort;
})();
const post = (message: FromBackground) => port.postMessage(message);
const { env, roles } = workerData as BackgroundRolesData;

async function serve(warden: RunningWarden, message: ToBackground): Promise<void> {
  if (message.type === 'metrics') {
    // A reading that fails leaves this thread's series out of one scrape, not the scrape.
    const readings = await warden.metrics.readings().catch(() => []);
    post({ type: 'metrics', id: message.id, readings });
    return;
  }
  await warden.close();
  post({ type: 'closed' });
  port.close();
}

createWarden(loadConfig(env), roles).then(
  (warden) => {
    port.on('message', (message: ToBackground) => void serve(warden, message));
    post({ type: 'ready' });
  },
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
