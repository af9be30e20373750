import { resolve } from 'node:path';
import { loadConsoleConfig, type ConsoleConfig } from './console-config';

/** Every setting of contract §1 plus the thresholds the domain makes configurable. */
export interface WardenConfig {
  port: number;
  dataDir: string;
  eventStoreUrl?: string;
  mongodbUrl?: string;
  mongodbDb: string;
  redisUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  /** Serve the pages of the mailed links (apps/web/pages); off for a deployment with its own front-end. */
  hostedPages: boolean;
  apiKeys?: string;
  masterKey?: string;
  bcryptCost: number;
  passwordCompositionRule: boolean;
  session: { absoluteSeconds: number; idleSeconds: number; touchSeconds: number };
  emailVerification: { ttlSeconds: number; perMinute: number; perDay: number };
  passwordResetTtlSeconds: number;
  ownershipTtlSeconds: number;
  /** Unusual activity (contract §3.1): lock threshold and growing login delays. */
  protection: {
    lockThreshold: number;
    lockWindowSeconds: number;
    accountFreeFailures: number;
    ipFreeFailures: number;
    throttleBaseSeconds: number;
    throttleMaxSeconds: number;
  };
  /**
   * How long a claimed email or username is left to the account that claimed it before the
   * claim may lapse, if that account does not use the value (a crash between the two appends).
   */
  claimTakeoverSeconds: number;
  /** The second login step: challenge lifetime and tries; failures after a correct password that lock. */
  secondFactor: { challengeTtlSeconds: number; maxTries: number; lockThreshold: number };
  accountRecoveryTtlSeconds: number;
  /** Integration credentials: a use is recorded at most this often. */
  credentials: { touchSeconds: number };
  /** Active accounts whose password is older than this get one reminder per password. */
  passwordMaxAgeDays: number;
  /** Floor of the answer time of the always-202 endpoints, so known and unknown emails match. */
  uniformResponseMs: number;
  mail: { attempts: number; backoffMs: number };
  /**
   * pollIntervalMs: the longest a caught-up runner sleeps when no append woke it (the
   * safety net); batchSize: most events per committed batch; leaseTtlMs: how long after a
   * projector dies another one takes its projections over.
   */
  projector: { pollIntervalMs: number; batchSize: number; leaseTtlMs: number };
  minPositionWaitMs: number;
  /** Account write models: in-memory cache (accounts) and a snapshot every this many events. */
  writeModel: { cacheSize: number; snapshotEvery: number };
  logLevel: string;
  /** Serves /metrics from processes without the api role (projector, worker); off when unset. */
  metricsPort?: number;
  /** `/console`: how staff sign in, and their sessions. */
  console: ConsoleConfig;
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

/**
 * The shortest lifetime a mailed link may have: it must outlive the mail's delivery (with
 * the queue's retries) and a person opening it. Shorter, every reset or ownership link
 * would arrive dead; the start-up refuses such a setting rather than mail broken links.
 */
export const MIN_MAILED_LINK_TTL_SECONDS = 300;

function linkTtl(env: Env, name: string, fallback: number): number {
  const value = int(env, name, fallback, 1);
  if (value < MIN_MAILED_LINK_TTL_SECONDS) {
    throw new Error(`${name} must be at least ${MIN_MAILED_LINK_TTL_SECONDS} seconds: a mailed link must outlive its delivery, got "${env[name]}"`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!['true', 'false', '1', '0'].includes(raw)) throw new Error(`${name} must be true or false, got "${raw}"`);
  return raw === 'true' || raw === '1';
}

const opt = (env: Env, name: string) => (env[name] ? env[name] : undefined);

export function loadConfig(env: Env = process.env): WardenConfig {
  const port = int(env, 'PORT', 3000);
  const bcryptCost = int(env, 'BCRYPT_COST', 12, 4);
  if (bcryptCost > 31) throw new Error('BCRYPT_COST must be at most 31');
  if (int(env, 'THROTTLE_BASE_SECONDS', 1, 1) > int(env, 'THROTTLE_MAX_SECONDS', 300, 1)) {
    throw new Error('THROTTLE_BASE_SECONDS must not be larger than THROTTLE_MAX_SECONDS');
  }
  return {
    port,
    dataDir: resolve(env.WARDEN_DATA_DIR || './data'),
    eventStoreUrl: opt(env, 'EVENTSTORE_URL'),
    mongodbUrl: opt(env, 'MONGODB_URL'),
    mongodbDb: env.MONGODB_DB || 'warden',
    redisUrl: opt(env, 'REDIS_URL'),
    smtpUrl: opt(env, 'SMTP_URL'),
    mailFrom: env.MAIL_FROM || 'Warden <no-reply@localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    hostedPages: bool(env, 'HOSTED_PAGES', true),
    apiKeys: opt(env, 'WARDEN_API_KEYS'),
    masterKey: opt(env, 'WARDEN_MASTER_KEY'),
    bcryptCost,
    passwordCompositionRule: bool(env, 'PASSWORD_COMPOSITION_RULE', true),
    session: {
      absoluteSeconds: int(env, 'SESSION_ABSOLUTE_SECONDS', 30 * 86400, 1),
      idleSeconds: int(env, 'SESSION_IDLE_SECONDS', 7 * 86400, 1),
      touchSeconds: int(env, 'SESSION_TOUCH_SECONDS', 300, 0),
    },
    emailVerification: {
      ttlSeconds: linkTtl(env, 'EMAIL_VERIFICATION_TTL_SECONDS', 86400),
      perMinute: int(env, 'EMAIL_VERIFICATION_PER_MINUTE', 1, 1),
      perDay: int(env, 'EMAIL_VERIFICATION_PER_DAY', 5, 1),
    },
    passwordResetTtlSeconds: linkTtl(env, 'PASSWORD_RESET_TTL_SECONDS', 3600),
    ownershipTtlSeconds: linkTtl(env, 'OWNERSHIP_VERIFICATION_TTL_SECONDS', 7 * 86400),
    protection: {
      lockThreshold: int(env, 'LOCK_THRESHOLD', 10, 1),
      lockWindowSeconds: int(env, 'LOCK_WINDOW_SECONDS', 15 * 60, 1),
      accountFreeFailures: int(env, 'THROTTLE_ACCOUNT_FREE_FAILURES', 3, 0),
      ipFreeFailures: int(env, 'THROTTLE_IP_FREE_FAILURES', 20, 0),
      throttleBaseSeconds: int(env, 'THROTTLE_BASE_SECONDS', 1, 1),
      throttleMaxSeconds: int(env, 'THROTTLE_MAX_SECONDS', 300, 1),
    },
    claimTakeoverSeconds: int(env, 'CLAIM_TAKEOVER_SECONDS', 300, 1),
    secondFactor: {
      // A second step needs the time to read a code off a device: at least one TOTP step.
      challengeTtlSeconds: int(env, 'SECOND_FACTOR_CHALLENGE_TTL_SECONDS', 300, 30),
      maxTries: int(env, 'SECOND_FACTOR_MAX_TRIES', 5, 1),
      lockThreshold: int(env, 'SECOND_FACTOR_LOCK_THRESHOLD', 3, 1),
    },
    accountRecoveryTtlSeconds: linkTtl(env, 'ACCOUNT_RECOVERY_TTL_SECONDS', 3600),
    credentials: { touchSeconds: int(env, 'CREDENTIAL_TOUCH_SECONDS', 300, 0) },
    passwordMaxAgeDays: int(env, 'PASSWORD_MAX_AGE_DAYS', 180, 0),
    uniformResponseMs: int(env, 'UNIFORM_RESPONSE_MS', 400, 0),
    mail: { attempts: int(env, 'MAIL_ATTEMPTS', 5, 1), backoffMs: int(env, 'MAIL_BACKOFF_MS', 2000, 1) },
    projector: {
      pollIntervalMs: int(env, 'PROJECTOR_POLL_MS', 1000, 1),
      batchSize: int(env, 'PROJECTOR_BATCH', 1000, 1),
      leaseTtlMs: int(env, 'PROJECTOR_LEASE_TTL_MS', 10_000, 300),
    },
    minPositionWaitMs: int(env, 'MIN_POSITION_WAIT_MS', 2000, 0),
    writeModel: { cacheSize: int(env, 'WRITE_MODEL_CACHE_SIZE', 10_000, 0), snapshotEvery: int(env, 'SNAPSHOT_EVERY', 100, 1) },
    logLevel: env.LOG_LEVEL || 'info',
    metricsPort: env.METRICS_PORT ? int(env, 'METRICS_PORT', 0, 1) : undefined,
    console: loadConsoleConfig(env),
  };
}
