/** Stream naming: one stream per account; reservation streams keyed by a MAC of the value. */
export const ACCOUNT_STREAM_PREFIX = 'account-';

export const accountStream = (accountId: string) => `${ACCOUNT_STREAM_PREFIX}${accountId}`;

export function accountIdOfStream(streamId: string): string | null {
  return streamId.startsWith(ACCOUNT_STREAM_PREFIX) ? streamId.slice(ACCOUNT_STREAM_PREFIX.length) : null;
}
