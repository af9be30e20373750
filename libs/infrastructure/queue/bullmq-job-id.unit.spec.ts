import { fromBullJobId, toBullJobId } from './bullmq-job-id';

describe('BullMQ job id mapping', () => {
  it('keeps ordinary ids such as event UUIDs unchanged', () => {
    const id = '0b6f3c1e-4a8d-4f3a-9c1b-2d7e8f9a0b1c';
    expect(toBullJobId(id)).toBe(id);
  });

  it.each(['42', 'NaN', 'mail:1:2', 'a:b', '~starts-with-escape', 'ünï:cödé'])(
    'escapes %p, which BullMQ would refuse or which would be ambiguous, and restores it',
    (id) => {
      const stored = toBullJobId(id);
      expect(stored).not.toContain(':');
      expect(`${parseInt(stored, 10)}`).not.toBe(stored);
      expect(fromBullJobId(stored)).toBe(id);
    },
  );

  it('never maps two ids to the same job id', () => {
    const ids = ['42', '~NDI', 'x', '~x', 'a:b'];
    expect(new Set(ids.map(toBullJobId)).size).toBe(ids.length);
  });
});
