import { countryName, themeLabel, typeLabel } from '@briefing/schema';
import type { ActorRole, ConfidenceLevel, RelationKind, Status } from '@briefing/schema';

// Theme and type labels live with their ids in the schema's vocabulary (another project reading
// the records gets them with the schema); country names come from the schema's ISO table. They are
// re-exported here so that the apps take every label from this one module.
export { countryName, themeLabel, typeLabel };

const STATUS_LABELS: Record<Status, string> = {
  announced: 'Announced',
  planned: 'Planned',
  occurred: 'Occurred',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
  disputed: 'Disputed',
};

const CONFIDENCE_LABELS: Record<ConfidenceLevel, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

const ROLE_LABELS: Record<ActorRole, string> = {
  visitor: 'Visitor',
  host: 'Host',
  signatory: 'Signatory',
  speaker: 'Speaker',
  participant: 'Participant',
};

const RELATION_LABELS: Record<'outgoing' | 'incoming', Record<RelationKind, string>> = {
  outgoing: {
    'part-of': 'Part of',
    announces: 'Announces',
    follows: 'Follows',
    supersedes: 'Supersedes',
  },
  // Seen from the other record: "A is part of B" reads "B includes A".
  incoming: {
    'part-of': 'Includes',
    announces: 'Announced by',
    follows: 'Followed by',
    supersedes: 'Superseded by',
  },
};

/** Where an engagement stands, as readers see it: "Disputed". */
export function statusLabel(status: Status): string {
  return STATUS_LABELS[status];
}

/** How sure a record is: "High". */
export function confidenceLabel(level: ConfidenceLevel): string {
  return CONFIDENCE_LABELS[level];
}

/** An actor's part in the engagement: "Visitor". */
export function roleLabel(role: ActorRole): string {
  return ROLE_LABELS[role];
}

/** How one record relates to another, from either end: "Part of", or "Includes" seen back. */
export function relationLabel(
  kind: RelationKind,
  direction: 'outgoing' | 'incoming' = 'outgoing',
): string {
  return RELATION_LABELS[direction][kind];
}
