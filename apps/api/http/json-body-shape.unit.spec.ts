import { jsonShapeProblem } from './json-body-shape';

describe('jsonShapeProblem', () => {
  const nested = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;

  it('accepts the depth a command has, up to the limit, and names the path of the first too deep', () => {
    expect(jsonShapeProblem({ email: 'a', context: { ip: '1.2.3.4' } })).toBeUndefined();
    expect(jsonShapeProblem(nested(32))).toBeUndefined();
    expect(jsonShapeProblem(nested(33))).toEqual({ field: `${'[0]'.repeat(32)}`, message: 'must not nest deeper than 32 levels' });
    expect(jsonShapeProblem({ a: { b: nested(40) } })?.field).toMatch(/^a\.b\[0\]/);
  });

  it('walks a hundred thousand levels without overflowing', () => {
    expect(jsonShapeProblem(nested(100_000))?.message).toMatch(/deeper/);
  });

  it('refuses prototype keys at any depth, and nothing else', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__']) {
      expect(jsonShapeProblem(JSON.parse(`{"context":{"${key}":1}}`))).toEqual({ field: `context.${key}`, message: 'unknown field' });
    }
    expect(jsonShapeProblem({ proto: 1, constructorName: 2, list: [{ x: 1 }] })).toBeUndefined();
  });
});
