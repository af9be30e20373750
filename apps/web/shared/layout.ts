import { html, type SafeHtml } from './html';
import { STYLESHEET_PATH, SCRIPT_PATH } from './assets';

export interface LayoutOptions {
  /** The page's own title; " · Warden" is appended. */
  title: string;
  main: SafeHtml;
  /** Links or a small form (e.g. sign out) shown in the header's navigation landmark. */
  nav?: SafeHtml;
  /** Wide pages (tables, timelines) use the laptop's width. */
  wide?: boolean;
}

/**
 * The document every HTML page shares: language, a viewport for phones, a skip link to
 * the main landmark, the service's own stylesheet and script (nothing from elsewhere).
 */
export function layout({ title, main, nav, wide }: LayoutOptions): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Warden</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
<script src="${SCRIPT_PATH}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<span class="brand">Warden</span>
${nav ? html`<nav aria-label="Main">${nav}</nav>` : ''}
</header>
<main id="main" tabindex="-1"${wide ? html` class="wide"` : ''}>
${main}
</main>
</body>
</html>
`;
}
