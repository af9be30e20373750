import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMail } from '@warden/infrastructure/mail/mime-reader';

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  /** Both parts, transfer-decoded, so tests can look for the link in each. */
  text: string;
  html: string;
}

/** Reads an .eml file from the outbox with the shared test MIME reader. */
export function parseEml(file: string): OutboxMail {
  const mail = readMail(readFileSync(file, 'utf8'));
  return { file, to: mail.header('to') ?? '', subject: mail.subject, text: mail.text ?? '', html: mail.html ?? '' };
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
