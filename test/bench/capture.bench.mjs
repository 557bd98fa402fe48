// Capture: median extractProfile time per fixture page, in real Chromium and in jsdom, side by side with
// microformats-parser (what a developer would reach for to read people from a page) on the same pages.
// Goal (issue 3): ≤ 2 ms per page in Chromium, and faster than the peer.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { browserBundle, launchChromium, median, pageFixtures, root, time } from './support.mjs';

const require = createRequire(join(root, 'package.json'));

export async function run() {
  const pages = pageFixtures();
  const ours = await browserBundle(join(root, 'src/capture/extract.ts'), 'ReconnectCapture');
  const peer = await browserBundle(require.resolve('microformats-parser'), 'MicroformatsParser');

  // In Chromium: each page served at its real URL, both scripts run in the same page, median of per-page medians.
  const browser = await launchChromium();
  const context = await browser.newContext();
  let current = '';
  await context.route('**/*', (route) =>
    route.request().url() === current
      ? route.fulfill({ contentType: 'text/html', body: pages.find((p) => p.url === current).html })
      : route.abort(),
  );
  const oursPerPage = [];
  const peerPerPage = [];
  const page = await context.newPage();
  for (const p of pages) {
    current = p.url;
    await page.goto(p.url);
    await page.addScriptTag({ content: ours });
    await page.addScriptTag({ content: peer });
    const [a, b] = await page.evaluate(() => {
      // performance.now() is coarsened to 0.1 ms in Chromium: each sample times a batch of 20 calls.
      const med = (fn) => {
        for (let i = 0; i < 5; i++) fn();
        const s = [];
        for (let i = 0; i < 15; i++) {
          const t = performance.now();
          for (let j = 0; j < 20; j++) fn();
          s.push((performance.now() - t) / 20);
        }
        s.sort((x, y) => x - y);
        return s[7];
      };
      const url = location.href;
      return [
        med(() => globalThis.ReconnectCapture.extractProfile(document, url)),
        (() => {
          try {
            // Serialising the DOM is left out of the peer's time (in its favour): it parses a ready string.
            const html = document.documentElement.outerHTML;
            return med(() => globalThis.MicroformatsParser.mf2(html, { baseUrl: url }));
          } catch {
            return null; // the peer cannot parse this page: it is left out of both columns
          }
        })(),
      ];
    });
    if (b === null) continue;
    oursPerPage.push(a);
    peerPerPage.push(b);
  }
  await browser.close();

  // In jsdom (Node): the same pages, our extractor and the peer.
  const { extractProfile } = await import(join(root, 'test/bench/.build/extract.mjs')).catch(async () => {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [join(root, 'src/capture/extract.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: join(root, 'test/bench/.build/extract.mjs'),
      logLevel: 'silent',
    });
    return import(join(root, 'test/bench/.build/extract.mjs'));
  });
  const { mf2 } = require('microformats-parser');
  const jsdomOurs = [];
  const jsdomPeer = [];
  for (const p of pages) {
    const dom = new JSDOM(p.html, { url: p.url });
    try {
      jsdomPeer.push(await time(() => mf2(p.html, { baseUrl: p.url }), { runs: 9, warmup: 2 }));
    } catch {
      dom.window.close();
      continue;
    }
    jsdomOurs.push(await time(() => extractProfile(dom.window.document, p.url), { runs: 9, warmup: 2 }));
    dom.window.close();
  }

  const row = (name, value, peerValue) => ({
    name,
    unit: 'ms',
    value,
    peer: 'microformats-parser',
    peerValue,
    ratio: value / peerValue,
  });
  return [
    row(`capture: median per page, Chromium (${oursPerPage.length} pages)`, median(oursPerPage), median(peerPerPage)),
    row('capture: slowest page, Chromium', Math.max(...oursPerPage), Math.max(...peerPerPage)),
    row(`capture: median per page, jsdom (${jsdomOurs.length} pages)`, median(jsdomOurs), median(jsdomPeer)),
  ];
}
