import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Exchange } from './openapi-contract';

export type ExchangeCheck = (exchange: Exchange) => string[];

/**
 * Watches every answer an HTTP server sends (whatever client asked: supertest, fetch, a
 * browser) and keeps what `check` finds wrong with it. Listening before the app sees the
 * request, it captures the body as written; the check runs when the answer is complete,
 * so a test that has its response in hand can already ask for `take()`.
 */
export class ContractRecorder {
  private violations: string[] = [];

  constructor(private readonly check: ExchangeCheck) {}

  attach(server: Server): void {
    server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => this.watch(request, response));
  }

  /** The violations seen since the last call, and forgets them. */
  take(): string[] {
    const taken = this.violations;
    this.violations = [];
    return taken;
  }

  private watch(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0]);
      // Checked before the last byte leaves: the client cannot see the answer before its verdict.
      const exchange: Exchange = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        status: response.statusCode,
        headers: response.getHeaders(),
        body: Buffer.concat(chunks),
      };
      try {
        this.violations.push(...this.check(exchange));
      } catch (error) {
        this.violations.push(`${exchange.method} ${exchange.url} → ${exchange.status}: the check failed: ${String(error)}`);
      }
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
  }
}
