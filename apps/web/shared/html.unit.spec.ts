import { escapeHtml, html, raw } from './html';
import { layout } from './layout';

describe('html templates', () => {
  it('escapes every interpolated string', () => {
    const name = `<script>alert("x")</script> & 'y' \`z\``;
    expect(html`<p>${name}</p>`.value).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;z&#96;</p>');
  });

  it('escapes attribute values, so a value cannot close its quotes', () => {
    expect(html`<input value="${'" onfocus="x'}">`.value).toBe('<input value="&quot; onfocus=&quot;x">');
  });

  it('keeps nested fragments and raw markup as they are, and escapes inside arrays', () => {
    const items = ['a<b', 'c'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>${raw('<hr>')}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${true}`.value).toBe('0true');
  });

  it('escapes the title of the layout and links only the service\'s own assets', () => {
    const page = layout({ title: '<b>', main: html`<p>hi</p>` }).value;
    expect(page).toContain('<title>&lt;b&gt; · Warden</title>');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('name="viewport"');
    expect(page).toContain('href="#main"');
    expect(page).toContain('<main id="main"');
    expect(page.match(/(?:href|src)="([^"#]+)"/g)).toEqual(['href="/assets/warden.css"', 'src="/assets/warden.js"']);
  });

  it('escapeHtml leaves plain text alone', () => {
    expect(escapeHtml('plain text 123')).toBe('plain text 123');
  });
});
