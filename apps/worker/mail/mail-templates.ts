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
    subject: fill(subjectLine.slice('Subject: '.length), vars, (v) => v),
    text: fill(body.join('\n').trimStart(), vars, (v) => v),
    html: fill(html, vars, escapeHtml),
  };
}
