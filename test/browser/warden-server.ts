import type { AddressInfo } from 'node:net';
import { startWarden, type TestWarden } from '@warden/apps/testing/warden-harness';
import type { Role } from '@warden/apps/roles';

export interface ServedWarden extends TestWarden {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** The same path and query on this server: mailed links point at PUBLIC_URL. */
  local(link: string): string;
}

/**
 * The real Warden app (every role, embedded stores in a temporary data dir) listening
 * on a free loopback port, for a browser to open.
 */
export async function serveWarden(options: { env?: Record<string, string>; roles?: Role[]; logLines?: string[] } = {}): Promise<ServedWarden> {
  const warden = await startWarden(options);
  await new Promise<void>((resolve, reject) => {
    warden.server.once('error', reject);
    warden.server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = warden.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    ...warden,
    baseUrl,
    local: (link: string) => {
      const url = new URL(link);
      return `${baseUrl}${url.pathname}${url.search}`;
    },
  };
}
