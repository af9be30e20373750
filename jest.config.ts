import type { Config } from 'jest';
import { pathsToModuleNameMapper } from 'ts-jest';
import { compilerOptions } from './tsconfig.json';

// Test kinds follow the file suffix: *.unit.spec.ts (pure, fast), *.int.spec.ts (real
// adapters: SQLite files, Redis, SMTP on loopback), *.e2e.spec.ts (HTTP against the Nest app),
// *.browser.spec.ts (Chromium against the app).
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] };
// The layer aliases (@warden/shared/… → libs/shared/…) come from tsconfig.json's `paths`, the one list.
const moduleNameMapper = pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' });
const common = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'], moduleNameMapper };

const config: Config = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
    // A real Chromium against the real app (test/browser): skipped, with the reason printed, without one.
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/**/*.browser.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/browser.setup.ts'],
    },
  ],
  // An e2e test starts the whole app on real stores: on a 2-core machine busy with other suites,
  // jest's 5 s default fails slow, not wrong. Browser specs set their own (browser.setup.ts).
  testTimeout: 20_000,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/gated-services.setup.ts',
};

export default config;
