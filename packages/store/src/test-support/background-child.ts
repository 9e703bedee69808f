// Run by background-start.test.ts through tsx (where worker threads can load these sources):
// opens a store with checkInBackground (or, with `wait`, one that is up to date when it opens)
// and prints, as JSON, the titles it answered with at once, those once up to date, and what the
// update looked at.
import { openStore } from '../store.js';
import { silentLogger } from '../logger.js';

const [dir, cacheDir, mode] = process.argv.slice(2) as [string, string, string | undefined];
const store = await openStore({
  dir,
  cacheDir,
  logger: silentLogger,
  checkInBackground: mode !== 'wait',
});
const titles = () => Object.fromEntries(store.all().map((record) => [record.id, record.title]));
const atOnce = titles();
const result = await store.upToDate;
console.log(JSON.stringify({ atOnce, upToDate: titles(), entries: result?.stats.entries }));
await store.close();
