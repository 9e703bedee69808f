import { loadBriefings } from './src/node/load-briefings.js';
const t = performance.now();
const r = await loadBriefings({
  dir: '/tmp/prof-eK2z2x',
  cacheFile: '/tmp/prof-eK2z2x.cache.json',
});
console.log(r.records.length, performance.now() - t);
