// Titles of seed records the browser tests look for, in one place: a change to the seed data
// that moves or renames one is mended here.

/** A space record (the September 2023 summit), a leg of Kim Jong Un's trip to Russia. */
export const VOSTOCHNY = 'Kim and Putin meet at the Vostochny Cosmodrome';

/**
 * The latest engagement in the seed records: on the list's first page however many earlier ones
 * are added, and not about space.
 */
export const NEWEST = 'Putin and Kim exchange New Year telegrams for 2026';
