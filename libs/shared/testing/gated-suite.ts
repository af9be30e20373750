/**
 * Runs a suite only when the environment variable naming its backing service is set.
 * Otherwise the suite is registered as skipped (so jest lists it by name) and a loud
 * line says why, once per file.
 */
export function describeWithEnv(variable: string, name: string, body: (url: string) => void): void {
  const url = process.env[variable];
  if (url) {
    describe(name, () => body(url));
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED: "${name}" — ${variable} is not set (docker compose -f docker/compose.yml up brings the service up).`);
  // Registered as skipped so the report names it; the reason is printed above.
  describe.skip(name, () => body(''));
}
