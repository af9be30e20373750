import type { DestinationStream } from 'pino';
import { loadConfig } from '@warden/infrastructure/config/warden-config';
import { BackgroundRoles } from './background-roles/background-roles';
import type { Role } from './roles';
import { createWarden, type RunningWarden } from './warden.app';

export interface StartOptions {
  /** The background thread died after starting: the process should stop (its supervisor restarts it). */
  onBackgroundFailure: (error: Error) => void;
  logDestination?: DestinationStream;
}

/**
 * One Warden process with the given roles, as `node dist/apps/main.js` runs it. With the
 * api and other roles (the default, `all`), the api answers on this thread and the
 * projector and worker run on a second one (BackgroundRoles): projections and mail never
 * delay an answer, and the process uses two cores. Without the api, the roles share this
 * thread. The api thread starts first, so keys it generates on a first start exist before
 * the background thread reads them.
 */
export async function startWarden(env: Record<string, string | undefined>, roles: Role[], options: StartOptions): Promise<RunningWarden> {
  const background = roles.filter((role) => role !== 'api');
  if (!roles.includes('api') || background.length === 0) return createWarden(loadConfig(env), roles, options);

  const api = await createWarden(loadConfig(env), ['api'], options);
  let thread: BackgroundRoles;
  try {
    thread = await BackgroundRoles.start(env, background, options.onBackgroundFailure);
  } catch (error) {
    await api.close();
    throw error;
  }
  api.metrics.includeThread(() => thread.readings());
  return {
    ...api,
    async close() {
      // Commands stop first; the projector then catches up with the last of them.
      await api.close();
      await thread.close();
    },
  };
}
