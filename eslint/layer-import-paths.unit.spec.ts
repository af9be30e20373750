import { RuleTester } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { compilerOptions } from '../tsconfig.json';
import layerImportPaths from './layer-import-paths';

// The repository's own layers, as eslint.config.mjs passes them; the files need not exist.
const root = join(__dirname, '..');
const options = [{ root, paths: compilerOptions.paths }];
const at = (file: string) => ({ filename: join(root, file), options });
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

tester.run('layer-import-paths', layerImportPaths, {
  valid: [
    { name: 'a relative import inside the layer', code: "import { refuse } from '../account.errors';", ...at('libs/account/sign-in/log-in.ts') },
    { name: 'an alias into another layer', code: "import { DomainError } from '@warden/shared/errors';", ...at('libs/account/account.errors.ts') },
    { name: 'a package', code: "import { Injectable } from '@nestjs/common';", ...at('libs/application/x.ts') },
    { name: 'a neighbour outside every layer', code: "import { ratio } from './ratio';", ...at('bench/run.ts') },
    { name: 'within apps, from one app to another', code: "import { html } from '../shared/html';", ...at('apps/web/pages/page.ts') },
    {
      name: 'a run-time path string, which the build does not rewrite',
      code: "const entry = require.resolve('../../account/account.state');",
      ...at('libs/infrastructure/snapshots/snapshot-shape.ts'),
    },
  ],
  invalid: [
    {
      name: 'a relative climb into another layer',
      code: "import { DomainError } from '../shared/errors';",
      output: "import { DomainError } from '@warden/shared/errors';",
      errors: [{ messageId: 'climbsIntoLayer' }],
      ...at('libs/account/account.errors.ts'),
    },
    {
      name: 'from outside every layer into one',
      code: 'import { createWarden } from "../apps/warden.app";',
      output: 'import { createWarden } from "@warden/apps/warden.app";',
      errors: [{ messageId: 'climbsIntoLayer' }],
      ...at('bench/login.bench.ts'),
    },
    {
      name: 'every form that names a module',
      code: [
        "export * from '../../projections/accounts/account-view';",
        "export { AccountView } from '../../projections/accounts/account-view';",
        "import type { Clock } from '../../libs/shared/clock';",
        "import codec = require('../../libs/infrastructure/event-codec/account-event.codec');",
        "type Store = import('../../libs/infrastructure/event-store/event-store.port').EventStore;",
        "jest.mock('../../libs/infrastructure/mail/eml-outbox.mailer');",
        "const actual = jest.requireActual('../../libs/shared/clock');",
        "const loaded = require('../../libs/shared/clock');",
        "const later = import('../../libs/shared/clock');",
      ].join('\n'),
      output: [
        "export * from '@warden/projections/accounts/account-view';",
        "export { AccountView } from '@warden/projections/accounts/account-view';",
        "import type { Clock } from '@warden/shared/clock';",
        "import codec = require('@warden/infrastructure/event-codec/account-event.codec');",
        "type Store = import('@warden/infrastructure/event-store/event-store.port').EventStore;",
        "jest.mock('@warden/infrastructure/mail/eml-outbox.mailer');",
        "const actual = jest.requireActual('@warden/shared/clock');",
        "const loaded = require('@warden/shared/clock');",
        "const later = import('@warden/shared/clock');",
      ].join('\n'),
      errors: Array.from({ length: 9 }, () => ({ messageId: 'climbsIntoLayer' })),
      ...at('apps/api/area.spec.ts'),
    },
    {
      name: 'an alias into the own layer, a sibling',
      code: "import { KeyedQueue } from '@warden/application/runner/keyed-queue';",
      output: "import { KeyedQueue } from './keyed-queue';",
      errors: [{ messageId: 'aliasInsideLayer' }],
      ...at('libs/application/runner/account-command-runner.ts'),
    },
    {
      name: 'an alias into the own layer, a cousin',
      code: "import { AccountCommandRunner } from '@warden/application/runner/account-command-runner';",
      output: "import { AccountCommandRunner } from '../runner/account-command-runner';",
      errors: [{ messageId: 'aliasInsideLayer' }],
      ...at('libs/application/sign-in/log-in.handler.ts'),
    },
  ],
});
