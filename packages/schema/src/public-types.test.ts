import { describe, expectTypeOf, it } from 'vitest';
import type { Briefing, EventDate } from './briefing.js';
import type { MonthThemeCell } from './group.js';
import {
  checkRecordSet,
  filterBriefings,
  formatDateRange,
  groupByMonthAndTheme,
  sortBriefings,
  splitUpcoming,
  type BriefingQuery,
  type NameAliases,
  type Problem,
} from './index.js';
import type { BriefingType, Status, ThemeId } from './vocabulary.js';
import type { loadBriefings, parseBriefingYaml } from './node.js';

describe('public types', () => {
  it('types the query from its zod schema', () => {
    expectTypeOf<BriefingQuery>().toEqualTypeOf<{
      themes?: ThemeId[] | undefined;
      types?: BriefingType[] | undefined;
      actors?: string[] | undefined;
      countries?: string[] | undefined;
      places?: string[] | undefined;
      status?: Status[] | undefined;
      from?: string | undefined;
      to?: string | undefined;
      text?: string | undefined;
    }>();
  });

  it('types the problem a user sees', () => {
    expectTypeOf<Problem>().toEqualTypeOf<{
      file?: string;
      line?: number;
      recordId?: string;
      path: string;
      message: string;
    }>();
  });

  it('types the helpers with one options object each', () => {
    expectTypeOf(filterBriefings).parameter(0).toEqualTypeOf<{
      records: readonly Briefing[];
      query: BriefingQuery;
      aliases?: NameAliases;
    }>();
    expectTypeOf(filterBriefings).returns.toEqualTypeOf<Briefing[]>();
    expectTypeOf(sortBriefings)
      .parameter(0)
      .toHaveProperty('by')
      .toEqualTypeOf<'date' | 'updated' | 'title' | undefined>();
    expectTypeOf(groupByMonthAndTheme).returns.toEqualTypeOf<MonthThemeCell[]>();
    expectTypeOf<MonthThemeCell>().toEqualTypeOf<{
      month: string;
      theme: ThemeId;
      count: number;
      ids: string[];
    }>();
    expectTypeOf(splitUpcoming).returns.toEqualTypeOf<{ upcoming: Briefing[]; past: Briefing[] }>();
    expectTypeOf(checkRecordSet).returns.toEqualTypeOf<Problem[]>();
    expectTypeOf(formatDateRange).parameter(0).toEqualTypeOf<EventDate>();
  });

  it('types the Node loader', () => {
    expectTypeOf<ReturnType<typeof loadBriefings>>().toEqualTypeOf<
      Promise<{
        records: Briefing[];
        problems: Problem[];
        warnings: Problem[];
        documents: Map<string, string>;
      }>
    >();
    expectTypeOf<ReturnType<typeof parseBriefingYaml>>().toEqualTypeOf<{
      record?: Briefing;
      problems: Problem[];
    }>();
  });
});
