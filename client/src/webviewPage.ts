// The frame every starlint webview page shares: a content security policy that allows only the
// page's own style and script (by nonce) and nothing remote, and the page's parts in order. The
// callers escape what they put in `body`; the title is escaped here.
import { escapeHtml } from './format';

export interface PageParts {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh random nonce for the inline style and script. */
  nonce: string;
  title: string;
  style: string;
  body: string;
  script: string;
  /** Attributes of <body>, already escaped (e.g. `data-phase="question"`). */
  bodyAttributes?: string;
}

export function webviewPage(p: PageParts): string {
  const csp = `default-src 'none'; style-src ${p.cspSource} 'nonce-${p.nonce}'; script-src 'nonce-${p.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(p.title)}</title>
<style nonce="${escapeHtml(p.nonce)}">${p.style}</style>
</head>
<body${p.bodyAttributes ? ` ${p.bodyAttributes}` : ''}>
${p.body}
<script nonce="${escapeHtml(p.nonce)}">${p.script}</script>
</body>
</html>`;
}
