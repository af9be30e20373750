import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NewChallenge, NewSession } from '@warden/account/sign-in/sign-in.commands';
import type { WardenConfig } from '@warden/infrastructure/config/warden-config';
import { hashToken, newRandomToken } from '@warden/infrastructure/crypto/tokens';
import { WARDEN_CONFIG } from '@warden/infrastructure/tokens';
import type { ClientContext } from '@warden/shared/envelope';
import { originOf } from './origin';

/** A session (or a second-factor challenge) in the making: the secret to hand out and what the event keeps. */
export interface IssuedSecret<T> {
  token: string;
  record: T;
}

/**
 * Mints what a login step may hand out. Both the session and the challenge token are
 * random and returned once; events keep only their SHA-256. Every login gets a new one.
 */
@Injectable()
export class NewLogin {
  constructor(@Inject(WARDEN_CONFIG) private readonly config: WardenConfig) {}

  session(accountId: string, now: Date, client: ClientContext | undefined): IssuedSecret<NewSession> {
    const token = newRandomToken(accountId);
    const { absoluteSeconds, idleSeconds } = this.config.session;
    return {
      token,
      record: {
        sessionId: randomUUID(),
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + absoluteSeconds * 1000).toISOString(),
        idleTimeoutSeconds: idleSeconds,
        origin: originOf(client),
      },
    };
  }

  challenge(accountId: string, now: Date): IssuedSecret<NewChallenge> {
    const token = newRandomToken(accountId);
    const { challengeTtlSeconds, maxTries } = this.config.secondFactor;
    return {
      token,
      record: {
        challengeId: randomUUID(),
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + challengeTtlSeconds * 1000).toISOString(),
        maxTries,
      },
    };
  }
}
