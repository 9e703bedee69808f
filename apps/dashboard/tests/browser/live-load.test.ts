// Requests keep coming while records are added: every answer is a 200 or a 304, and no page
// mixes two data versions (its filter options, its list and its count agree).
import { briefingToYaml } from '@briefing/schema/node';
import { makeBriefing, makeTempDir, writeFiles } from '@briefing/schema/testing';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './server.js';

const temp = await makeTempDir('dashboard-load-');
const BASE = 3;
const ADDED = 20;
let server: RunningServer;

const added = (k: number) =>
  briefingToYaml(
    makeBriefing({
      id: `added-${k}`,
      title: `Added ${k}`,
      date: { start: `2025-01-${String(k).padStart(2, '0')}`, precision: 'day' },
      actors: [{ name: `Envoy ${k}`, country: 'RUS', role: 'visitor' }],
    }),
  );

beforeAll(async () => {
  await writeFiles({
    dir: temp.dir,
    files: Object.fromEntries(
      Array.from({ length: BASE }, (_, index) => [
        `base-${index}.yaml`,
        briefingToYaml(makeBriefing({ id: `base-${index}`, title: `Base ${index}` })),
      ]),
    ),
  });
  server = await startServer({ env: { BRIEFING_DATA: temp.dir } });
});
afterAll(async () => {
  await server?.stop();
  await temp.remove();
});

const highest = (pattern: RegExp, body: string) =>
  Math.max(0, ...[...body.matchAll(pattern)].map((match) => Number(match[1])));

describe('serving while records change', () => {
  it('answers only 200 or 304, each page from one data version', async () => {
    let writing = true;
    const statuses = new Map<number, number>();
    const mismatches: string[] = [];
    let pagesChecked = 0;
    const etags = new Map<string, string>();
    const client = async () => {
      while (writing) {
        for (const path of ['/briefings', '/feeds/all.atom', '/', '/briefings?actor=Envoy+1']) {
          const etag = etags.get(path);
          const response = await fetch(`${server.url}${path}`, {
            headers: etag === undefined ? {} : { 'if-none-match': etag },
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const body = await response.text();
          const tag = response.headers.get('etag');
          if (tag !== null) etags.set(path, tag);
          if (path !== '/briefings' || response.status !== 200) continue;
          // The filter options (a layout load) and the list (the page load) agree.
          const listed = highest(/>Added (\d+)</g, body);
          const options = highest(/value="Envoy (\d+)"/g, body);
          const total = Number(/(\d+) of (\d+) engagements?/.exec(body)?.[2]);
          pagesChecked += 1;
          if (listed !== options || total !== BASE + listed) {
            mismatches.push(`list ${listed}, options ${options}, total ${total}`);
          }
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    for (let k = 1; k <= ADDED; k += 1) {
      await writeFile(join(temp.dir, `added-${k}.yaml`), added(k));
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    // Bounded: the last record is listed within a few seconds.
    const deadline = Date.now() + 10_000;
    while (!(await (await fetch(`${server.url}/briefings`)).text()).includes(`>Added ${ADDED}<`)) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    writing = false;
    await Promise.all(clients);
    expect([...statuses.keys()].filter((status) => status !== 200 && status !== 304)).toEqual([]);
    expect(statuses.get(304) ?? 0).toBeGreaterThan(0);
    expect(pagesChecked).toBeGreaterThan(ADDED);
    expect(mismatches).toEqual([]);
  });
});
