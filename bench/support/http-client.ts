import { Agent, type IncomingHttpHeaders, request } from 'node:http';

export interface BenchResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON of any endpoint
}

/**
 * A keep-alive HTTP client, as a service calling Warden would use: no connection set-up
 * per request, so the figures measure Warden rather than TCP handshakes.
 */
export class BenchClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly port: number,
    private readonly apiKey: string,
  ) {}

  send(method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<BenchResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.apiKey}`,
            ...headers,
            ...(payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text && res.headers['content-type']?.includes('json') ? JSON.parse(text) : text });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  post = (path: string, body: object) => this.send('POST', path, body);

  close(): void {
    this.agent.destroy();
  }
}
