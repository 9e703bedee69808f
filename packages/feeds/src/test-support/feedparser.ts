import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ParsedByFeedparser {
  name: string;
  bozo: boolean | number;
  bozo_exception: string;
  version: string;
  title: string | null;
  language: string | null;
  links: { rel: string; href: string }[];
  entries: {
    id: string | null;
    title: string | null;
    title_type: string | null;
    link: string | null;
    published: string | null;
    updated: string | null;
    tags: { term: string | null; scheme: string | null; label: string | null }[];
    content: string[];
    summary: string | null;
  }[];
}

const SCRIPT = fileURLToPath(new URL('./parse_feeds.py', import.meta.url));
// Debian's interpreter first: python3-feedparser installs into its dist-packages, which a
// pyenv or venv python3 earlier on PATH does not see.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Parse feeds with Debian's python3-feedparser, as many readers do; fails if it is missing. */
export function parseWithFeedparser(
  docs: { name: string; text: string }[],
  { python = PYTHON }: { python?: string } = {},
): ParsedByFeedparser[] {
  const run = spawnSync(python, [SCRIPT], {
    input: JSON.stringify(docs),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.error !== undefined || run.status !== 0) {
    throw new Error(
      `python3-feedparser could not run (${run.error?.message ?? run.stderr.trim()}). ` +
        'Install it with: apt-get install -y python3-feedparser',
    );
  }
  return JSON.parse(run.stdout) as ParsedByFeedparser[];
}
