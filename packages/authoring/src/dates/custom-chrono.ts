import * as chrono from 'chrono-node';
import type { Parser } from 'chrono-node';

/** Tag on results that give days without a month ("on the 18th and 19th"). */
export const DAYS_ONLY_TAG = 'briefing/days-only';
/** Tag on results that count from the previous event ("the following day"); see `daysAfterPrevious`. */
export const AFTER_PREVIOUS_TAG = 'briefing/after-previous';
/** Tag on results that give a year alone ("in 2024"). */
export const YEAR_ONLY_TAG = 'briefing/year-only';

const MONTH_AHEAD =
  /\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\s+(?:anniversary|session|century|round|congress|plenum|plenary|meeting|time|birthday|summit|visit|edition|floor|place|party|annual|year|division|brigade|army|corps|regiment)/i;
const ORDINAL = String.raw`(\d{1,2})(?:st|nd|rd|th)`;

/** "on the 18th", "the 18th and 19th", "from the 18th to the 20th": days whose month the context gives. */
const ordinalDaysParser: Parser = {
  pattern: () =>
    new RegExp(
      String.raw`\b(?:(?:on|from|between)\s+)?the\s+${ORDINAL}(?:\s*(?:and|to|through|until|-|–|—)\s*(?:the\s+)?${ORDINAL})?\b`,
      'i',
    ),
  extract: (context, match) => {
    const [text, first, second] = match;
    const index = match.index ?? 0;
    if (MONTH_AHEAD.test(context.text.slice(index + text!.length, index + text!.length + 12))) {
      return null;
    }
    // A bare "the 18th" needs "on" before it; a range ("the 18th and 19th") stands alone.
    if (second === undefined && !/^on\s/i.test(text!)) return null;
    const startDay = Number(first);
    const endDay = second === undefined ? undefined : Number(second);
    if (
      startDay < 1 ||
      startDay > 31 ||
      (endDay !== undefined && (endDay < startDay || endDay > 31))
    ) {
      return null;
    }
    const result = context.createParsingResult(
      index,
      text!,
      { day: startDay },
      endDay === undefined ? undefined : { day: endDay },
    );
    return result.addTag(DAYS_ONLY_TAG);
  },
};

const COUNT_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5 };

/** "the following day", "the next day", "the day after", "two days later". */
const afterPreviousParser: Parser = {
  pattern: () =>
    /\b(?:the\s+(?:following|next)\s+day|the\s+day\s+after(?!\s+(?:tomorrow|the\s+\d))|(a|one|two|three|four|five|\d)\s+days?\s+later)\b/i,
  extract: (context, match) => {
    const count =
      match[1] === undefined ? 1 : (COUNT_WORDS[match[1].toLowerCase()] ?? Number(match[1]));
    const result = context.createParsingResult(match.index ?? 0, match[0]);
    return result.addTag(AFTER_PREVIOUS_TAG).addTag(`${AFTER_PREVIOUS_TAG}:${count}`);
  },
};

/** "in 2024", "during 2023": a year alone. */
const yearOnlyParser: Parser = {
  pattern: () => /\b(?:in|during|throughout|since|for|of)\s+((?:19|20)\d{2})\b(?![-/–]\d)/i,
  extract: (context, match) => {
    const result = context.createParsingResult(match.index ?? 0, match[0], {
      year: Number(match[1]),
    });
    return result.addTag(YEAR_ONLY_TAG);
  },
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const AND = String.raw`\s*(?:and|&)\s*`;
const YEAR = String.raw`(?:,?\s+((?:19|20)\d{2}))?`;

/** "18 and 19 October", "between 18 and 19 October 2023", "October 18 and 19": two days of one month. */
const dayPairParser: Parser = {
  pattern: () =>
    new RegExp(
      String.raw`\b(?:between\s+)?(?:${DAY}${AND}${DAY}\s+(?:of\s+)?${MONTH_NAME}|${MONTH_NAME}\s+${DAY}${AND}${DAY})${YEAR}\b`,
      'i',
    ),
  extract: (context, match) => {
    const [, d1, d2, m1, m2, d3, d4, year] = match;
    const monthName = (m1 ?? m2)!.toLowerCase().slice(0, 3);
    const month = MONTHS.indexOf(monthName) + 1;
    const first = Number(d1 ?? d3);
    const second = Number(d2 ?? d4);
    if (month === 0 || first < 1 || second <= first || second > 31) return null;
    const known = (day: number) => ({
      day,
      month,
      ...(year !== undefined && { year: Number(year) }),
    });
    return context.createParsingResult(match.index ?? 0, match[0], known(first), known(second));
  },
};

/** How many days after the previous event a result counts, if it is "the following day" and the like. */
export function daysAfterPrevious(tags: Set<string>): number | undefined {
  for (const tag of tags) {
    if (tag.startsWith(`${AFTER_PREVIOUS_TAG}:`))
      return Number(tag.slice(AFTER_PREVIOUS_TAG.length + 1));
  }
  return undefined;
}

/** Tag on a numeric date that could be read either way ("05/11/2024"): no date is taken from it. */
export const AMBIGUOUS_TAG = 'briefing/ambiguous';

/**
 * Numeric dates: "12.07.2025" is day first, as Russian and European writing has it; "05/11/2024"
 * is read only when one part cannot be a month (chrono alone would read it the American way).
 */
const numericDateParser: Parser = {
  pattern: () => /\b(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d{2})\b/,
  extract: (context, match) => {
    const [text, a, separator, b, year] = match as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    const first = Number(a);
    const second = Number(b);
    const dayFirst = separator === '.' || first > 12;
    const day = dayFirst ? first : second;
    const month = dayFirst ? second : first;
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    const result = context.createParsingResult(match.index ?? 0, text, {
      day,
      month,
      year: Number(year),
    });
    const ambiguous = separator === '/' && first <= 12 && second <= 12 && first !== second;
    return ambiguous ? result.addTag(AMBIGUOUS_TAG) : result;
  },
};

/** chrono's English casual parser, taught the phrases news reports use for days in context. */
export function createDateParser(): chrono.Chrono {
  const parser = chrono.casual.clone();
  // First, so that "two days later" counts from the previous event, not from the article's date.
  parser.parsers.unshift(
    numericDateParser,
    dayPairParser,
    ordinalDaysParser,
    afterPreviousParser,
    yearOnlyParser,
  );
  return parser;
}

/** chrono's strict parser (whole dates only), reading numeric dates as above. */
export function createStrictDateParser(): chrono.Chrono {
  const parser = chrono.strict.clone();
  parser.parsers.unshift(numericDateParser);
  return parser;
}
