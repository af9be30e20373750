import type { MailTokenPurpose, MailTokens } from '@warden/infrastructure/crypto/tokens';

/** What a composer needs besides the event and the account: where links point, and how to sign them. */
export interface MailContext {
  publicUrl: string;
  tokens: MailTokens;
}

/**
 * A page of the public site. Each mailed token's page is named after its purpose
 * (contract §1: `/verify-email`, `/reset-password`, `/verify-ownership`, …).
 */
export function pageLink({ publicUrl }: MailContext, page: MailTokenPurpose): string {
  return `${publicUrl}/${page}`;
}

/** The link a mail carries: rebuilt from the event's tokenId, never stored anywhere. */
export function tokenLink(context: MailContext, purpose: MailTokenPurpose, accountId: string, tokenId: string): string {
  return `${pageLink(context, purpose)}?token=${context.tokens.mint(purpose, accountId, tokenId)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** An ISO instant as people read it, in UTC whatever the server's locale: "5 March 2025 at 14:07 UTC". */
export function formatUtc(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new Error(`not a timestamp: ${iso}`);
  return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} at ${twoDigits(t.getUTCHours())}:${twoDigits(t.getUTCMinutes())} UTC`;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * How long a link stays valid, from the event's own times ("1 hour", "30 minutes"), so the
 * mail follows the configured lifetime instead of repeating it.
 */
export function formatValidity(issuedAt: string, expiresAt: string): string {
  const minutes = Math.round((Date.parse(expiresAt) - Date.parse(issuedAt)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) throw new Error(`token expires before it is issued: ${issuedAt} → ${expiresAt}`);
  if (minutes % 1440 === 0 && minutes > 1440) return plural(minutes / 1440, 'day');
  return minutes % 60 === 0 ? plural(minutes / 60, 'hour') : plural(minutes, 'minute');
}
