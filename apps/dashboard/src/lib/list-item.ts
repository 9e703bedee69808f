import { formatDateRange, type Briefing, type ThemeId } from '@briefing/schema';
import { recordPath, statusLabel, themeLabel, typeLabel } from '@briefing/present';

/** What a list row shows of a record: already formatted on the server, nothing more. */
export interface ListItem {
  id: string;
  href: string;
  title: string;
  dateLabel: string;
  imprecise: boolean;
  type: string;
  /** The status label, or undefined for an engagement that simply occurred. */
  status: string | undefined;
  themes: { id: ThemeId; label: string }[];
  places: string[];
  /**
   * Counting engagements: the other matching records of this row's engagement (a trip's legs,
   * an announcement, a follow-up), by date; absent when there are none or records are counted.
   */
  legs?: ListItem[];
}

export function toListItem(record: Briefing): ListItem {
  return {
    id: record.id,
    href: recordPath({ id: record.id }),
    title: record.title,
    dateLabel: formatDateRange(record.date),
    imprecise: record.date.precision !== 'day',
    type: typeLabel(record.type),
    status: record.status === 'occurred' ? undefined : statusLabel(record.status),
    themes: record.themes.map((id) => ({ id, label: themeLabel(id) })),
    places: record.places.map((place) => place.name),
  };
}

/** A row of an engagement: its lead, with the other members as its legs. */
export function toEngagementItem({
  lead,
  members,
}: {
  lead: Briefing;
  members: readonly Briefing[];
}): ListItem {
  const legs = members.filter((member) => member.id !== lead.id).map(toListItem);
  return legs.length === 0 ? toListItem(lead) : { ...toListItem(lead), legs };
}
