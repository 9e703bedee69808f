import fc from 'fast-check';
import { arbitraryBriefing } from '../test-support/arbitraries.js';
import { describe, expect, it } from 'vitest';
import { Briefing } from '../briefing.js';
import { makeBriefing } from '../test-support/fixtures.js';
import { generateBriefings } from '../test-support/generate-briefings.js';
import { parseBriefingYaml } from './parse-yaml.js';
import { briefingToYaml } from './write-yaml.js';

describe('YAML round trip', () => {
  it('gives back an equal, valid record for any valid record', () => {
    fc.assert(
      fc.property(arbitraryBriefing, (record) => {
        const { record: parsed, problems } = parseBriefingYaml({
          text: briefingToYaml(record),
          file: 'x.yaml',
        });
        expect(problems).toEqual([]);
        expect(parsed).toStrictEqual(record);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('writes fields in schema order', () => {
    const yaml = briefingToYaml({
      ...makeBriefing(),
      revision: makeBriefing().revision,
      id: 'z',
    } as Briefing);
    const keys = yaml
      .split('\n')
      .filter((line) => /^[a-zA-Z]+:/.test(line))
      .map((line) => line.split(':')[0]);
    expect(keys).toEqual(Object.keys(Briefing.shape).filter((key) => key in makeBriefing()));
  });
});

describe('briefingToYaml for YAML 1.1 readers', () => {
  it('quotes dates and the words YAML 1.1 reads as booleans or numbers, as the seeds do', () => {
    const record = makeBriefing({ title: '12:30' });
    record.sources[0] = { ...record.sources[0]!, language: 'no' };
    const yaml = briefingToYaml(record);
    expect(yaml).toContain("  start: '2023-10-18'\n");
    expect(yaml).toContain("  created: '2024-01-10'\n");
    expect(yaml).toContain("language: 'no'\n");
    expect(yaml).toContain("title: '12:30'\n");
    expect(yaml).toContain('id: lavrov-pyongyang-2023\n');
    expect(parseBriefingYaml({ text: yaml }).record).toStrictEqual(record);
  });
});

describe('generated records', () => {
  it('survive the round trip and pass validation', () => {
    for (const record of generateBriefings({ count: 200, seed: 3 })) {
      const { record: parsed, problems } = parseBriefingYaml({
        text: briefingToYaml(record),
        file: 'x.yaml',
      });
      expect(problems).toEqual([]);
      expect(parsed).toStrictEqual(record);
    }
  }, 60_000);
});
