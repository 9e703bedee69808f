import { chromium } from 'playwright-core';
import { gzipSync, brotliCompressSync } from 'node:zlib';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const path of process.argv.slice(3)) {
  const page = await browser.newPage();
  const bodies = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') bodies.push(r.body().then((b) => [r.url(), b]));
  });
  await page.goto(process.argv[2] + path, { waitUntil: 'networkidle' });
  const all = await Promise.all(bodies);
  let raw = 0,
    gz = 0,
    br = 0;
  for (const [, b] of all) {
    raw += b.length;
    gz += gzipSync(b).length;
    br += brotliCompressSync(b).length;
  }
  console.log(path, all.length, 'scripts', raw, 'raw', gz, 'gzip', br, 'br');
  await page.close();
}
await browser.close();
