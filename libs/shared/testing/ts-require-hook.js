// Preloaded with `node -r` by tests that race real OS processes: lets a plain `node` child
// require the TypeScript sources directly (no build step, no ts-node) by transpiling each
// .ts module on the fly with the compiler the repository already has.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const tsconfigPaths = require('tsconfig-paths');

// Decorators as tsconfig.json compiles them (Nest's DI reads the emitted parameter types).
const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions });
  module._compile(outputText, filename);
};

// The layer aliases (@warden/shared/… → libs/shared/…): tsconfig.json's `paths`, read from the
// repository root whatever the child's working directory.
tsconfigPaths.register({ cwd: path.join(__dirname, '../../..') });
