// `pnpm start`: serve the built dashboard (adapter-node) on 127.0.0.1:3000, or HOST/PORT.
// The server checks the records itself when it starts, prints every problem and exits 1.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../build/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error(
    `No built server at ${entry}: run "pnpm build" first (from the repository root, or "pnpm --filter @briefing/dashboard build").`,
  );
  process.exit(1);
}
process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '3000';
if (process.env.ORIGIN === undefined && process.env.SITE_URL !== undefined) {
  process.env.ORIGIN = process.env.SITE_URL.replace(/\/$/, '');
}
await import(entry);
