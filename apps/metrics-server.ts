import { createServer, type Server } from 'node:http';
import type { WardenMetrics } from '@warden/infrastructure/metrics/warden-metrics';

/**
 * A bare /metrics listener for the roles that serve no HTTP API (projector, worker): their
 * counters (mails sent and failed, for one) live in their own process.
 */
export function serveMetrics(metrics: WardenMetrics, port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    metrics.scrape().then(
      (body) => response.writeHead(200, { 'Content-Type': metrics.contentType }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
