import { deriveKey } from './master-key';
import { MailTokens } from './tokens';

/** Keys derived from the master key, one per purpose. */
export class ServiceKeys {
  readonly lookupKey: Buffer;
  readonly mailTokens: MailTokens;
  /** Encrypts stored idempotent responses, which may hold a session token or a secret. */
  readonly idempotencyKey: Buffer;
  /** Signs the CSRF tokens of the HTML pages' forms (apps/web/shared/csrf.ts). */
  readonly csrfKey: Buffer;

  constructor(readonly masterKey: Buffer) {
    this.lookupKey = deriveKey(masterKey, 'lookup');
    this.mailTokens = new MailTokens(deriveKey(masterKey, 'token-mac'));
    this.idempotencyKey = deriveKey(masterKey, 'idempotency');
    this.csrfKey = deriveKey(masterKey, 'csrf');
  }
}
