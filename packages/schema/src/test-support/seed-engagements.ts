import { fileURLToPath } from 'node:url';

/** The folder of the seed records (seeds/briefings), which some tests read as they are. */
export const SEEDS_DIR = fileURLToPath(new URL('../../../../seeds/briefings', import.meta.url));

/**
 * Kim Jong Un's trip to Russia in Sep 2023 in the seed records: the trip, its four legs, and
 * the Kremlin's remarks that follow one of them. One engagement, whatever counts it.
 */
export const SEED_TRIP_2023_09 = {
  root: 'kim-jong-un-russia-trip-2023-09',
  members: [
    'kim-jong-un-russia-trip-2023-09',
    'kim-knaaz-komsomolsk-2023-09',
    'kim-knevichi-shaposhnikov-2023-09',
    'kim-putin-vostochny-2023-09',
    'kim-russky-island-oceanarium-2023-09',
    'kremlin-remarks-after-vostochny-2023-09',
  ],
} as const;
