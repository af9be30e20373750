import type { ProjectedDoc } from '../apply-once';

/** An integration credential; `secretHash` is the lookup contract §5 asks for, never the secret. */
export interface CredentialDoc extends ProjectedDoc {
  credentialId: string;
  accountId: string;
  label: string;
  prefix: string;
  secretHash: string;
  active: boolean;
  createdAt: string;
  rotatedAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const CREDENTIALS = 'credentials';
