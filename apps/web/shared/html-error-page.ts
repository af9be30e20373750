import type { Response } from 'express';
import { html } from './html';
import { layout } from './layout';
import { sendHtml } from './page-response';

interface ErrorWording {
  title: string;
  text: string;
}

const WORDING: Readonly<Record<number, ErrorWording>> = {
  403: { title: 'This form has expired', text: 'Go back, reload the page and try again.' },
  404: { title: 'Page not found', text: 'Check the address, or open the link from your email again.' },
  413: { title: 'Too much data', text: 'What was sent is larger than this page accepts.' },
  429: { title: 'Too many attempts', text: 'Wait a little, then try again.' },
  503: { title: 'Temporarily unavailable', text: 'Try again in a moment.' },
};

const GENERIC_CLIENT: ErrorWording = { title: 'This request could not be completed', text: 'Go back and try again.' };
const GENERIC_SERVER: ErrorWording = { title: 'Something went wrong', text: 'Nothing was changed that you need to undo. Try again in a moment.' };

/** A page for an error no page handled itself; it never shows the error's own text. */
export function sendHtmlError(response: Response, status: number): void {
  const wording = WORDING[status] ?? (status >= 500 ? GENERIC_SERVER : GENERIC_CLIENT);
  const main = html`<h1>${wording.title}</h1><p>${wording.text}</p>`;
  sendHtml(response, layout({ title: wording.title, main }), status);
}
