import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const TEMPLATE_DIR = join(__dirname, 'templates');

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Every value is one line in the subject and the text part: a control character, a line
 * or paragraph separator or a bidi control becomes a space. The API refuses them in names
 * already; this also holds for values written before it did (no extra mail lines or headers).
 */
const oneLine = (value: string) => value.replace(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]+/gu, ' ');

function fill(template: string, vars: Record<string, string>, escape: (v: string) => string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`mail template variable "${name}" is missing`);
    return escape(vars[name]);
  });
}

/**
 * Templates live in the repository as `<name>.txt` (first line `Subject: …`) and
 * `<name>.html`. Values are HTML-escaped in the HTML part.
 */
export function renderMail(name: string, vars: Record<string, string>): RenderedMail {
  const textFile = join(TEMPLATE_DIR, `${name}.txt`);
  if (!existsSync(textFile)) throw new Error(`no mail template "${name}"`);
  const [subjectLine, ...body] = readFileSync(textFile, 'utf8').split('\n');
  if (!subjectLine.startsWith('Subject: ')) throw new Error(`${textFile} must start with "Subject: "`);
  const html = readFileSync(join(TEMPLATE_DIR, `${name}.html`), 'utf8');
  return {
    subject: fill(subjectLine.slice('Subject: '.length), vars, oneLine),
    text: fill(body.join('\n').trimStart(), vars, oneLine),
    html: fill(html, vars, (v) => escapeHtml(oneLine(v))),
  };
}
