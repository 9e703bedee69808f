import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Every module the browser entry reaches, with the bare specifiers each imports. */
async function importGraph(entry: string): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const source = await readFile(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g),
    ].map((m) => m[1]!);
    graph.set(
      file,
      specifiers.filter((s) => !s.startsWith('.')),
    );
    for (const relative of specifiers.filter((s) => s.startsWith('.'))) {
      pending.push(join(dirname(file), relative.replace(/\.js$/, '.ts')));
    }
  }
  return graph;
}

describe('the browser entry (@briefing/schema)', () => {
  it('reaches no node: module and no Node-only file, so the dashboard can bundle it', async () => {
    const graph = await importGraph(join(SRC, 'index.ts'));
    expect(graph.size).toBeGreaterThan(5);
    for (const [file, bare] of graph) {
      expect(file).not.toMatch(/[/\\]node[/\\]|node\.ts$/);
      expect(
        bare.filter((s) => s.startsWith('node:')),
        file,
      ).toEqual([]);
    }
    expect(new Set([...graph.values()].flat())).toEqual(
      new Set(['zod', 'i18n-iso-countries/index.js', 'i18n-iso-countries/langs/en.json']),
    );
  });
});
