import { assertJobId, assertWorkOptions, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  it('doubles the backoff after each failed try', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(100, attempt))).toEqual([100, 200, 400, 800]);
  });

  it('rejects options that cannot work', () => {
    expect(() => assertWorkOptions({ attempts: 0, backoffMs: 10 })).toThrow(RangeError);
    expect(() => assertWorkOptions({ attempts: 1.5, backoffMs: 10 })).toThrow(RangeError);
    expect(() => assertWorkOptions({ attempts: 3, backoffMs: -1 })).toThrow(RangeError);
    expect(() => assertWorkOptions({ attempts: 3, backoffMs: 10, concurrency: 0 })).toThrow(RangeError);
    expect(() => assertWorkOptions({ attempts: 3, backoffMs: 0, concurrency: 4 })).not.toThrow();
  });

  it('rejects an empty job id', () => {
    expect(() => assertJobId('')).toThrow(TypeError);
  });
});
