import { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';
import { serveMetrics } from './metrics-server';

describe('the /metrics listener of the roles without an API', () => {
  it('serves the Prometheus text of its own process, and nothing else', async () => {
    const metrics = new WardenMetrics();
    metrics.countAppended([{ type: 'AccountRegistered' }]);
    const server = await serveMetrics(metrics, 0);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toContain('text/plain');
      expect(await scraped.text()).toContain('warden_events_appended_total{type="AccountRegistered"} 1');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
