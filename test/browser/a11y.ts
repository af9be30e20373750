import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * Runs axe-core (from node_modules) in the page and fails on any serious or critical
 * violation, listing them. axe is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not govern, so the page's own CSP stays strict.
 */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  // A string, evaluated in the page: the project's TypeScript has no DOM types.
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  expect({ url: page.url(), violations: report }).toEqual({ url: page.url(), violations: [] });
}
