/**
 * Opens one resource (a store, a connection) before the tests of the enclosing `describe`
 * and closes it after them, as the adapter contracts do with the adapter under test.
 * Returns the open resource, for use in tests and later hooks.
 */
export function openForSuite<R extends { close(): Promise<void> }>(open: () => Promise<R>, timeoutMs?: number): () => R {
  let resource: R | undefined;

  beforeAll(async () => {
    resource = await open();
  }, timeoutMs);

  afterAll(async () => {
    await resource?.close();
  }, timeoutMs);

  return () => {
    if (resource === undefined) throw new Error('the suite resource is not open: its beforeAll failed or has not run yet');
    return resource;
  };
}
