import type { ProjectedDoc } from '../apply-once';

export interface SessionDoc extends ProjectedDoc {
  sessionId: string;
  accountId: string;
  /** SHA-256 of the session token: the lookup contract §5 asks for; never the token. */
  tokenHash: string;
  active: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  idleTimeoutSeconds: number;
  endedAt: string | null;
  endReason: string | null;
  ip: string | null;
  userAgent: string | null;
  deviceId: string | null;
}

export const SESSIONS = 'sessions';

/** Revocation is an event; expiry is a matter of time, so it is judged when read. */
export function isLive(doc: SessionDoc, now: Date): boolean {
  const t = now.getTime();
  return (
    doc.active &&
    t < Date.parse(doc.expiresAt) &&
    t < Date.parse(doc.lastSeenAt) + doc.idleTimeoutSeconds * 1000
  );
}
