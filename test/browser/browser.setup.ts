// Browser suites start the whole app and a real Chromium on a shared machine: give them time.
jest.setTimeout(60_000);
