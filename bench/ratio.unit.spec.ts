import { formatRatio, type BenchRatio } from './ratio';

const r3 = (value: number): BenchRatio => ({ id: 'R3', label: 'appends ÷ inserts', value, goal: { cmp: '>=', target: 0.5 } });

describe('a bench line', () => {
  it('prints two decimals and the verdict', () => {
    expect(formatRatio(r3(0.4412))).toMatch(/ 0\.44 ×\s+goal >= 0\.5 {2}MISSES goal$/);
    expect(formatRatio(r3(0.523))).toMatch(/ 0\.52 ×\s+goal >= 0\.5 {2}meets goal$/);
  });

  it('prints a third decimal where two would show the goal itself, on either side of it', () => {
    expect(formatRatio(r3(0.4951))).toMatch(/ 0\.495 ×\s+goal >= 0\.5 {2}MISSES goal$/);
    expect(formatRatio(r3(0.5032))).toMatch(/ 0\.503 ×\s+goal >= 0\.5 {2}meets goal$/);
    expect(formatRatio(r3(0.5))).toMatch(/ 0\.50 ×/);
  });
});
