#!/usr/bin/env node
// Fails early, with a message saying what to install, instead of letting a test skip or
// a tool crash half-way. Usage: node scripts/check-prereqs.mjs start|test|bench
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { unsupportedNode } from '../packages/repo/supported-node.js';

const task = process.argv[2] ?? 'start';
const problems = [];

// Node 24 and 26 are the supported LTS lines; the live store needs Node's built-in SQLite.
const node = unsupportedNode();
if (node !== undefined) problems.push(node);

if (task === 'test') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    problems.push(
      `Chromium not found at ${chromium}: the browser tests drive Debian's Chromium. ` +
        'Install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).',
    );
  }
  const feedparser = spawnSync('/usr/bin/python3', ['-c', 'import feedparser'], {
    stdio: 'ignore',
  });
  if (feedparser.status !== 0) {
    problems.push(
      "Python's feedparser not found for /usr/bin/python3: the feed tests parse every feed with it. " +
        'Install it with `sudo apt-get install -y python3-feedparser`.',
    );
  }
}

if (problems.length > 0) {
  console.error(`Missing prerequisites for \`pnpm ${task}\`:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
