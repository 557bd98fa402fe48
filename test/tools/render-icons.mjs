// Renders icons/icon.svg to the PNG sizes the manifest names, in the system Chromium.
// Run after editing the SVG: node test/tools/render-icons.mjs

import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('icons/icon.svg', 'utf8');
const b = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/lib/chromium/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const size of [16, 32, 48, 128]) {
  const p = await b.newPage({ viewport: { width: size, height: size } });
  await p.setContent(
    `<style>html,body{margin:0;background:transparent}img{width:${size}px;height:${size}px;display:block}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
  );
  await p.screenshot({ path: `icons/icon-${size}.png`, omitBackground: true });
}
await b.close();
