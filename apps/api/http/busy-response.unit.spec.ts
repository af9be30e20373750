import { AccountBusyError } from '@warden/application/runner/account-busy.error';
import { toErrorResponse } from './error-response';

describe('a conflict that outlasted its retries, over HTTP', () => {
  it('is 503 busy with Retry-After, an expected answer rather than a reported failure', () => {
    expect(toErrorResponse(new AccountBusyError(2))).toEqual({
      status: 503,
      body: { error: 'busy', message: expect.any(String), details: { retryAfterSeconds: 2 } },
      headers: { 'Retry-After': '2' },
      unexpected: false,
    });
  });
});
