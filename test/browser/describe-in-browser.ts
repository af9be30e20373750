import { CHROMIUM_MISSING_REASON, chromiumPath } from './chromium';

/**
 * `describe` for suites that need Chromium: without it the suite is skipped, by name,
 * with the reason printed (jest itself would only say "skipped").
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (chromiumPath()) {
    describe(name, suite);
    return;
  }
  process.stdout.write(`\nSKIPPED: ${name} — ${CHROMIUM_MISSING_REASON}\n`);
  describe.skip(name, suite);
}
