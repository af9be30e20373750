import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMail } from '@warden/infrastructure/mail/mime-reader';

export interface OutboxEntry {
  file: string;
  sentAt: Date;
  to: string;
  subject: string;
  text: string;
}

/**
 * The newest .eml files of the embedded outbox, decoded. The files are real RFC 5322
 * messages, whose text part is quoted-printable (links are longer than a mail line), so
 * reading one with `cat` mangles the links; this prints them as a person reads them.
 */
export function newestMails(outboxDir: string, count: number): OutboxEntry[] {
  if (!existsSync(outboxDir)) return [];
  return readdirSync(outboxDir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => ({ name, sentAt: statSync(join(outboxDir, name)).mtime }))
    .sort((a, b) => b.sentAt.getTime() - a.sentAt.getTime())
    .slice(0, count)
    .map(({ name, sentAt }) => {
      const mail = readMail(readFileSync(join(outboxDir, name), 'utf8'));
      return { file: name, sentAt, to: mail.header('to') ?? '', subject: mail.subject, text: mail.text ?? '' };
    });
}

export function formatOutbox(entries: readonly OutboxEntry[]): string {
  if (entries.length === 0) return 'the outbox is empty\n';
  return entries
    .map((e) => `── ${e.sentAt.toISOString()}  ${e.file}\nTo: ${e.to}\nSubject: ${e.subject}\n\n${e.text.trim()}\n`)
    .join('\n');
}
