// Start the web app in-process on port 0 against the shipped corpora.
import type { Server } from 'node:http';
import { loadCorpus } from '../../src/corpus/load.js';
import { createApp } from '../../src/web/server.js';

export interface RunningApp {
  url: string;
  close: () => Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const corpus = loadCorpus({});
  const app = createApp({ corpus, options: { port: 0, corpora: [], builtin: true } });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // Longer than any pause between two requests of a test on a busy machine: undici
  // reuses idle sockets, and one the server closed at its 5 s default fails the fetch.
  server.keepAliveTimeout = 120_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Hostile inputs: script tags, event-handler attributes, `javascript:` URLs,
 * SVG payloads, and payloads split across point boundaries. Each, if it ever
 * ran, would set `window.__xss` or open a dialog, or leave an element with id
 * `xss-…` in the page.
 */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '<script id="xss-script">window.__xss=1</script>',
  '"><img id="xss-img" src=x onerror="alert(2)">',
  "'><svg id=\"xss-svg\" onload=alert(3)>",
  '<svg><script>alert(4)</script></svg>',
  '<a id="xss-link" href="javascript:alert(5)">click</a>',
  'javascript:alert(6)',
  '<iframe id="xss-iframe" src="javascript:alert(7)"></iframe>',
  '<body onload=alert(8)>',
  '</textarea><script>alert(9)</script>',
  '</title><script>alert(10)</script>',
  '<style>*{display:none}</style>',
  '<math><mtext><table><mglyph><style><img id="xss-mathml" src=x onerror=alert(11)>',
  '{{constructor.constructor("alert(12)")()}}',
  '<%= process.exit() %>',
];

/** A numbered draft carrying every payload, some split across point boundaries. */
export function hostileDraft(): string {
  const lines = XSS_PAYLOADS.map((p, i) => `${i + 1}. Point ${i + 1} ${p} ends here`);
  // Split payloads: the tag opens in one point and closes in the next.
  const n = XSS_PAYLOADS.length;
  lines.push(`${n + 1}. The parties agree <img id="xss-split" src=x`);
  lines.push(`${n + 2}. onerror="alert(13)"> to a ceasefire <script>`);
  lines.push(`${n + 3}. alert(14)</script> along the line of contact.`);
  return `${lines.join('\n')}\n`;
}
