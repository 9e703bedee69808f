import {
  formatDateRange,
  themeLabel,
  typeLabel,
  type Briefing,
  type ThemeId,
} from '@briefing/schema';

/** What a list row shows of a record: already formatted on the server, nothing more. */
export interface ListItem {
  id: string;
  title: string;
  dateLabel: string;
  imprecise: boolean;
  type: string;
  status: string;
  themes: { id: ThemeId; label: string }[];
  places: string[];
}

export function toListItem(record: Briefing): ListItem {
  return {
    id: record.id,
    title: record.title,
    dateLabel: formatDateRange(record.date),
    imprecise: record.date.precision !== 'day',
    type: typeLabel(record.type),
    status: record.status,
    themes: record.themes.map((id) => ({ id, label: themeLabel(id) })),
    places: record.places.map((place) => place.name),
  };
}
