/**
 * A minimal MIME reader (the project has no mail parser), for tests and the CLI's outbox: unfolds headers,
 * decodes RFC 2047 encoded words, walks multipart bodies and decodes quoted-printable and
 * base64 parts, assuming UTF-8. Enough to read what nodemailer writes; not a general parser.
 */
export interface ReadMail {
  header(name: string): string | undefined;
  subject: string;
  text?: string;
  html?: string;
}

interface Entity {
  headers: Map<string, string>;
  body: string;
}

export function readMail(raw: string): ReadMail {
  const root = splitEntity(raw);
  const leaves = collectLeaves(root);
  const partOfType = (type: string): string | undefined => {
    const leaf = leaves.find((entity) => mediaType(entity) === type);
    return leaf && decodeBody(leaf);
  };
  return {
    header: (name) => root.headers.get(name.toLowerCase()),
    subject: decodeWords(root.headers.get('subject') ?? ''),
    text: partOfType('text/plain'),
    html: partOfType('text/html'),
  };
}

function splitEntity(raw: string): Entity {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function collectLeaves(entity: Entity): Entity[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(entity.headers.get('content-type') ?? '')?.[1];
  if (!mediaType(entity).startsWith('multipart/') || !boundary) return [entity];
  const [, ...parts] = entity.body.split(`--${boundary}`);
  return parts
    .filter((part) => !part.startsWith('--'))
    .flatMap((part) => collectLeaves(splitEntity(part.replace(/^\n/, ''))));
}

function mediaType(entity: Entity): string {
  return (entity.headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
}

function decodeBody(entity: Entity): string {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const body = entity.body.replace(/\n$/, '');
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(body: string): string {
  // split() with a capturing group puts each =XX escape at an odd index.
  const pieces = body
    .replace(/=\n/g, '')
    .split(/(=[0-9A-Fa-f]{2})/)
    .map((piece, i) => (i % 2 === 1 ? Buffer.from([parseInt(piece.slice(1), 16)]) : Buffer.from(piece, 'utf8')));
  return Buffer.concat(pieces).toString('utf8');
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}
