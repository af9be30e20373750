import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { currentSnapshotShape, foldModules, STATE_SHAPE_VERSION } from './snapshot-shape';

describe('the snapshot shape', () => {
  const dir = mkdtempSync(join(tmpdir(), 'warden-shape-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const modules = (...sources: string[]) =>
    sources.map((source, i) => {
      const file = join(dir, `m${i}-${source.length}-${Math.random()}.js`);
      writeFileSync(file, source);
      return file;
    });

  it('names the version and the code of the fold', () => {
    expect(currentSnapshotShape()).toMatch(new RegExp(`^v${STATE_SHAPE_VERSION}:[0-9a-f]{16}$`));
  });

  it('stays the same for the same code, and changes with any edit to it', () => {
    const evolve = 'function evolve(s, e) { return { ...s, n: s.n + 1 }; }';
    const same = currentSnapshotShape(modules(evolve, 'const UPCASTERS = {};'));
    expect(currentSnapshotShape(modules(evolve, 'const UPCASTERS = {};'))).toBe(same);
    expect(currentSnapshotShape(modules(evolve.replace('+ 1', '+ 2'), 'const UPCASTERS = {};'))).not.toBe(same);
    expect(currentSnapshotShape(modules(evolve, 'const UPCASTERS = { A: {} };'))).not.toBe(same);
  });

  it('covers every area state and events module of the account, and the guards that route to them', () => {
    const account = join(__dirname, '../../account');
    const hashed = foldModules().map((file) => relative(account, file));
    // The reservation is an aggregate of its own: its fold is no part of an account snapshot.
    const foldParts = (readdirSync(account, { recursive: true }) as string[])
      .filter((file) => /\.(state|events)\.ts$/.test(file) && !file.startsWith('reservation'))
      .sort();
    expect(foldParts.length).toBeGreaterThan(2 * 9);
    expect(hashed).toEqual(expect.arrayContaining([...foldParts, 'account.upcasters.ts', 'area-members.ts']));
  });

  it('follows imports that run, in source and compiled code, and skips the type-only ones', () => {
    const write = (name: string, source: string) => {
      const file = join(dir, name);
      writeFileSync(file, source);
      return file;
    };
    write('helper.ts', 'export const one = 1;');
    write('shape.ts', 'export type Shape = {};');
    write('other.ts', 'export const two = 2;');
    const entry = write('fold.ts', "import type { Shape } from './shape';\nimport {\n  one,\n  type Two,\n} from './helper';\nimport { two } from './other';\n");
    expect(foldModules([entry]).map((file) => relative(dir, file))).toEqual(['fold.ts', 'helper.ts', 'other.ts']);

    write('helper.js', 'exports.one = 1;');
    write('other.js', 'exports.two = 2;');
    // tsc leaves a relative import as written; tsc-alias writes a layer alias out with its extension.
    const compiled = write('fold.js', 'const helper_1 = require("./helper");\nconst other_1 = require("./other.js");\n');
    expect(foldModules([compiled]).map((file) => relative(dir, file))).toEqual(['fold.js', 'helper.js', 'other.js']);
  });

  it('follows an import of another layer through its alias', () => {
    const entry = join(dir, 'aliased.ts');
    writeFileSync(entry, "import { canonicalJson } from '@warden/shared/canonical-json';\n");
    expect(foldModules([entry])).toEqual([entry, join(__dirname, '../../shared/canonical-json.ts')].sort());
  });
});
