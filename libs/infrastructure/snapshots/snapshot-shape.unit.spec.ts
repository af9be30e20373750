import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentSnapshotShape, STATE_SHAPE_VERSION } from './snapshot-shape';

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
});
