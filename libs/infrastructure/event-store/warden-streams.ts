/**
 * The stream-name prefixes Warden writes: account streams and the reservation streams of
 * emails and usernames. On a shared EventStoreDB everything else belongs to someone else.
 */
export const WARDEN_STREAM_PREFIXES: readonly string[] = ['account-', 'email-', 'username-'];

export function isWardenStream(streamId: string): boolean {
  return WARDEN_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));
}
