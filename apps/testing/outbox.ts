import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  /** Both parts, transfer-decoded, so tests can look for the link in each. */
  text: string;
  html: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodePart(headers: string, body: string): string {
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** Reads a multipart/alternative .eml well enough for tests: headers and both parts. */
export function parseEml(file: string): OutboxMail {
  const raw = readFileSync(file, 'utf8');
  const [head] = raw.split(/\r?\n\r?\n/);
  const header = (name: string) => head.replace(/\r?\n[ \t]+/g, ' ').match(new RegExp(`^${name}:\\s*(.*)$`, 'im'))?.[1]?.trim() ?? '';
  const boundary = head.replace(/\r?\n[ \t]+/g, ' ').match(/boundary="?([^";\r\n]+)"?/i)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [];
  const part = (type: string) => {
    const found = parts.find((p) => new RegExp(`content-type:\\s*${type}`, 'i').test(p));
    if (!found) return '';
    const [partHead, ...rest] = found.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    return decodePart(partHead, rest.join('\n\n'));
  };
  return { file, to: header('To'), subject: header('Subject'), text: part('text/plain'), html: part('text/html') };
}

export function readOutbox(dataDir: string): OutboxMail[] {
  const dir = join(dataDir, 'outbox');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseEml(join(dir, name)));
}

/** Polls the outbox until a mail matches (the worker sends asynchronously). */
export async function waitForMail(dataDir: string, match: (mail: OutboxMail) => boolean, timeoutMs = 10_000): Promise<OutboxMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readOutbox(dataDir).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail in the outbox after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The token of the first `${PUBLIC_URL}/<path>?token=…` link in a text. */
export function tokenFromLink(text: string, path: string): string {
  const match = text.match(new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no /${path} link in the mail`);
  return match[1];
}
