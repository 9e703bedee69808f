import { readFileSync, readdirSync } from 'node:fs';
import { RecordKeys } from './dist/record-keys.js';
import { decodeKeysSnapshot } from './dist/keys-snapshot.js';
const b = '/tmp/fb2/.out.builds/';
const f = readdirSync(b).find((e) => e.endsWith('.keys.json'));
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  const text = readFileSync(b + f, 'utf8');
  const build = JSON.parse(text).build;
  const t1 = performance.now();
  const snap = decodeKeysSnapshot({ text, build });
  const t2 = performance.now();
  const keys = new RecordKeys();
  keys.load([...snap.values()].map((e) => e.source));
  const t3 = performance.now();
  keys.items('all'); keys.itemsByCreation('all');
  const t4 = performance.now();
  console.log(`read+parse ${(t1 - t).toFixed(0)} decode ${(t2 - t1).toFixed(0)} set ${(t3 - t2).toFixed(0)} sort-all ${(t4 - t3).toFixed(0)}`);
}
