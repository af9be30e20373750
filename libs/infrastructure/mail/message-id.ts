import addressparser from 'nodemailer/lib/addressparser';
import { safeToken } from './safe-token';

const FALLBACK_DOMAIN = 'warden.invalid';

/**
 * A Message-ID derived from the message's stable id (the triggering event), so every retry
 * of one mail carries the same Message-ID and duplicates are recognisable downstream.
 * The right-hand side is the sender's domain, as RFC 5322 suggests.
 */
export function messageIdFor(id: string, from: string): string {
  return `<${safeToken(id)}@${senderDomain(from)}>`;
}

function senderDomain(from: string): string {
  const [sender] = addressparser(from, { flatten: true });
  const domain = sender?.address.split('@')[1] ?? '';
  return /^[A-Za-z0-9.-]+$/.test(domain) ? domain : FALLBACK_DOMAIN;
}
