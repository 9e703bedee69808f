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
