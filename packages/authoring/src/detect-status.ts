import type { Status } from '@briefing/schema';

export interface StatusCue {
  status: Status;
  cue: string;
}

// Checked in order: a cancelled plan speaks of the future too, so cancellation comes first.
const CUES: { status: Status | 'future'; pattern: RegExp; unlessHappened?: boolean }[] = [
  {
    status: 'cancelled',
    pattern: /\b(?:cancell?ed|called off|scrapped|cancell?ation of|cancels?)\b/i,
  },
  {
    status: 'postponed',
    pattern: /\b(?:postponed?|postponement|put off|rescheduled|pushed back|deferred)\b/i,
  },
  // "The train, delayed by heavy rain, arrived…": late, yet it happened.
  { status: 'postponed', pattern: /\bdelayed\b/i, unlessHappened: true },
  {
    status: 'future',
    pattern:
      /\b(?:plans to|planned|planning|will|shall|is to|are to|is due to|are due to|is expected to|are expected to|is set to|are set to|scheduled|forthcoming|upcoming|intends? to|next week|next month|next year)\b/i,
  },
  {
    // Weak: "plans a visit" speaks of the future, but "discussed a five-year plan" and "visited
    // Pyongyang to hold talks" do not; these count only when no verb says it happened.
    status: 'future',
    pattern: /\b(?:plans?|to visit|to travel|to hold)\b/i,
    unlessHappened: true,
  },
];

/** Past-tense verbs that say an engagement happened. */
const HAPPENED =
  /\b(?:visited|met|held|signed|arrived|received|discussed|attended|flew|travell?ed|spoke|talked|toured|led|hosted|inspected|opened|agreed|ratified|concluded|paid|landed|began|ended|took place|exchanged|presented|handed|laid)\b/i;

const ANNOUNCED =
  /\b(?:announced?|announcement|confirmed|confirms|said|says|stated|invitation|invited)\b/i;

/**
 * The status a sentence speaks of: cancelled, postponed, announced (future and announced or
 * confirmed in the same engagement's text), planned (future), else occurred.
 */
export function detectStatus({
  text,
  context = '',
}: {
  /** The sentence that names the engagement. */
  text: string;
  /** The other sentences about the same engagement, for "announced". */
  context?: string;
}): StatusCue {
  // "…the first flight, which will now operate twice a month": a relative clause's future
  // is not the engagement's.
  // So is that of "…a protocol that will expand trade".
  const main = text
    .replace(/,\s*(?:which|who)\b[^,.;]*/gi, '')
    .replace(/\b(?:which|who|that)\s+(?:will|would|shall)\b[^,.;]*/gi, '');
  for (const { status, pattern, unlessHappened } of CUES) {
    const match = pattern.exec(main);
    if (!match || (unlessHappened === true && HAPPENED.test(main))) continue;
    if (status !== 'future') return { status, cue: match[0] };
    const announced = ANNOUNCED.exec(text) ?? ANNOUNCED.exec(context);
    return announced
      ? { status: 'announced', cue: `${match[0]}; ${announced[0]}` }
      : { status: 'planned', cue: match[0] };
  }
  return { status: 'occurred', cue: 'past tense' };
}

/**
 * Whether a sentence speaks of the future (dates without a year are read forward), the past
 * (read backward), or neither: a postponed or cancelled plan may lie on either side.
 */
export function tenseOf({ text }: { text: string }): 'future' | 'past' | 'unknown' {
  const status = detectStatus({ text }).status;
  if (status === 'announced' || status === 'planned') return 'future';
  return status === 'occurred' ? 'past' : 'unknown';
}
