import { z } from 'zod';

/** The controlled vocabulary of themes, with the labels and descriptions readers see. */
export const THEMES = [
  {
    id: 'diplomacy',
    label: 'Diplomacy',
    description:
      'Political dialogue between the two states: summits, foreign-minister talks, invitations, treaties and their ratification.',
  },
  {
    id: 'defense',
    label: 'Defense',
    description:
      'Military contacts and cooperation: defence ministers, security councils, arms shown or traded, troops and military workers.',
  },
  {
    id: 'space',
    label: 'Space',
    description: 'Launch sites, rockets, satellites and cooperation on space exploration.',
  },
  {
    id: 'science-technology',
    label: 'Science and technology',
    description:
      'Research, industry and technical visits: aircraft plants, universities, technology transfer.',
  },
  {
    id: 'trade-energy',
    label: 'Trade and energy',
    description:
      'The intergovernmental commission, trade, transport links, infrastructure such as the Tumen River bridge, and energy.',
  },
  {
    id: 'culture-education',
    label: 'Culture and education',
    description: 'Cultural delegations, education, tourism, museums and people-to-people exchange.',
  },
  {
    id: 'regional-security',
    label: 'Regional security',
    description:
      'The Korean Peninsula and North-East Asia: intelligence contacts, sanctions and the UN Security Council.',
  },
] as const;

export const ThemeId = z
  .enum(THEMES.map((theme) => theme.id) as [ThemeIdValue, ...ThemeIdValue[]])
  .meta({ description: 'A theme from the controlled vocabulary.' });
type ThemeIdValue = (typeof THEMES)[number]['id'];
export type ThemeId = z.infer<typeof ThemeId>;

/** Kinds of engagement, each with a label for feeds and filters. */
export const BRIEFING_TYPES = [
  { id: 'summit', label: 'Summit' },
  { id: 'visit', label: 'Visit' },
  { id: 'talks', label: 'Talks' },
  { id: 'call', label: 'Phone call' },
  { id: 'delegation', label: 'Delegation' },
  { id: 'commission', label: 'Intergovernmental commission' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'ratification', label: 'Ratification' },
  { id: 'statement', label: 'Statement' },
  { id: 'announcement', label: 'Announcement' },
  { id: 'site-visit', label: 'Site visit' },
  { id: 'un-vote', label: 'UN vote' },
  { id: 'gift', label: 'Gift' },
  { id: 'ceremony', label: 'Ceremony' },
  { id: 'transport-link', label: 'Transport link' },
] as const;

type BriefingTypeValue = (typeof BRIEFING_TYPES)[number]['id'];
export const BriefingType = z
  .enum(BRIEFING_TYPES.map((type) => type.id) as [BriefingTypeValue, ...BriefingTypeValue[]])
  .meta({ description: 'The kind of engagement.' });
export type BriefingType = z.infer<typeof BriefingType>;

export const Status = z
  .enum(['announced', 'planned', 'occurred', 'postponed', 'cancelled', 'disputed'])
  .meta({
    description:
      'Where the engagement stands: announced or planned (future), occurred, postponed, cancelled, or disputed between sources.',
  });
export type Status = z.infer<typeof Status>;

export const ActorRole = z
  .enum(['visitor', 'host', 'signatory', 'speaker', 'participant'])
  .meta({ description: "The actor's part in this engagement." });
export type ActorRole = z.infer<typeof ActorRole>;

export const RelationKind = z.enum(['part-of', 'announces', 'follows', 'supersedes']).meta({
  description:
    'How this record relates to the other: part of a larger trip, announces it, follows it, or supersedes it.',
});
export type RelationKind = z.infer<typeof RelationKind>;

export const ConfidenceLevel = z
  .enum(['high', 'medium', 'low'])
  .meta({ description: 'How sure the record is of its facts.' });
export type ConfidenceLevel = z.infer<typeof ConfidenceLevel>;

export const DatePrecision = z.enum(['day', 'month', 'year']).meta({
  description:
    'How precisely the dates are known. month: start is the 1st and end the last day of a month; year: 1 Jan to 31 Dec.',
});
export type DatePrecision = z.infer<typeof DatePrecision>;

/** The label of a theme id, e.g. "Science and technology". */
export function themeLabel(id: ThemeId): string {
  return THEMES.find((theme) => theme.id === id)?.label ?? id;
}

/** The label of an engagement type, e.g. "Site visit". */
export function typeLabel(id: BriefingType): string {
  return BRIEFING_TYPES.find((type) => type.id === id)?.label ?? id;
}
