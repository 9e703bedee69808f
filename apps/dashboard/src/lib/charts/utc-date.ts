// Scales need Date objects; these are UTC midnights, so no local time zone can shift a day.

/** "2023-10-18" as the instant 2023-10-18T00:00:00Z. */
export function parseIsoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** "2023-10" as the instant 2023-10-01T00:00:00Z. */
export function monthStartDate(month: string): Date {
  return new Date(`${month}-01T00:00:00Z`);
}

export { monthBounds } from '@briefing/present';
