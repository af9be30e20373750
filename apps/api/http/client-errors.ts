import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from './error-response';

/**
 * Errors Node's HTTP parser meets before any request exists (headers over
 * `--max-http-header-size`, malformed request lines) never reach Express: Node answers
 * them itself with a bare status line. This listener answers them in the contract's
 * error shape instead, and closes the connection as Node would.
 */
export function answerClientErrorsInJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, body] = clientErrorAnswer(error.code);
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(json)}\r\n` +
        'Connection: close\r\n\r\n' +
        json,
    );
  });
}

function clientErrorAnswer(code: string | undefined): [number, ErrorBody] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, { error: 'headers_too_large', message: 'The request headers are too large.' }];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, { error: 'request_timeout', message: 'The request took too long to arrive.' }];
    default:
      return [400, { error: 'validation_failed', message: 'The request is not valid HTTP.', details: [{ field: 'request', message: 'malformed HTTP' }] }];
  }
}
