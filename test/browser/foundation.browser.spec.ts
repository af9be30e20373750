import { html } from '@warden/apps/web/shared/html';
import { layout } from '@warden/apps/web/shared/layout';
import { expectNoSeriousA11yViolations } from './a11y';
import { launchChromium, type RunningBrowser } from './chromium';
import { describeInBrowser } from './describe-in-browser';
import { serveWarden, type ServedWarden } from './warden-server';

describeInBrowser('web foundation in Chromium', () => {
  let warden: ServedWarden;
  let chromium: RunningBrowser;

  beforeAll(async () => {
    warden = await serveWarden();
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await warden?.close();
  });

  it('serves its own stylesheet and script, and the layout passes the accessibility check', async () => {
    const page = await chromium.context.newPage();
    const css = await page.goto(`${warden.baseUrl}/assets/warden.css`);
    expect(css?.status()).toBe(200);
    expect(css?.headers()['content-type']).toBe('text/css; charset=utf-8');
    const js = await page.request.get(`${warden.baseUrl}/assets/warden.js`);
    expect(js.headers()['content-type']).toBe('text/javascript; charset=utf-8');

    const stylesheetLoaded = page.waitForResponse((r) => r.url().endsWith('/assets/warden.css'));
    await page.setContent(layout({ title: 'Smoke', main: html`<h1>Smoke</h1><form><div class="field"><label for="f">Field</label><input id="f"></div><button>Go</button></form>` }).value);
    await stylesheetLoaded;
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content');
    await expectNoSeriousA11yViolations(page);
  });

  it('an a11y violation fails the check (the check can fail)', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${warden.baseUrl}/assets/warden.css`);
    await page.setContent('<!doctype html><html><head><title>x</title></head><body><input type="text"><img src="/x.png"></body></html>');
    await expect(expectNoSeriousA11yViolations(page)).rejects.toThrow(/critical: (label|image-alt)/);
  });
});
