import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Debian's Chromium (or CHROMIUM_PATH): playwright-core downloads no browser of its own. */
export function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return existsSync(path) ? path : undefined;
}

export const CHROMIUM_MISSING_REASON = `Chromium not found at ${process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH; .ci/run installs it)`;

/** No network chatter of the browser's own (updates, sync, QUIC probes), no GPU, a fresh profile. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface RunningBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a fresh user-data-dir (a persistent context is the way
 * Playwright takes one) and returns it with a `close` that also removes the profile.
 */
export async function launchChromium(options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}): Promise<RunningBrowser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error(CHROMIUM_MISSING_REASON);
  const userDataDir = mkdtempSync(join(tmpdir(), 'warden-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
