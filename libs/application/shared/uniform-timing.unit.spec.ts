import { Logger } from '@nestjs/common';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { PasswordHasher } from './password-hasher';
import { floorWarning } from './uniform-timing';

describe('the uniform-timing floor against the bcrypt cost', () => {
  it('has room while one comparison takes at most 80% of the floor', () => {
    expect(floorWarning(200, 250, 12)).toBeUndefined();
    expect(floorWarning(5, 0, 4)).toBeUndefined(); // no floor chosen: nothing to warn about
  });

  it('warns, naming both settings and a floor that would do, once a comparison takes more', () => {
    const warning = floorWarning(263, 250, 12);
    expect(warning).toContain('UNIFORM_RESPONSE_MS=250');
    expect(warning).toContain('BCRYPT_COST=12 took 263 ms');
    expect(warning).toContain('Raise UNIFORM_RESPONSE_MS above 329');
  });

  it('is checked with a real comparison at the configured cost, and logged', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const hasher = (floor: number) => new PasswordHasher({ bcryptCost: 6, uniformResponseMs: floor } as WardenConfig);
      expect(await hasher(60_000).checkFloor()).toBeUndefined();
      expect(warn).not.toHaveBeenCalled();
      // A floor of 1 ms is below any bcrypt comparison.
      const warning = await hasher(1).checkFloor();
      expect(warning).toContain('BCRYPT_COST=6');
      expect(warn).toHaveBeenCalledWith(warning);
    } finally {
      warn.mockRestore();
    }
  });
});
