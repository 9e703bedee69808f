import { join, resolve } from 'node:path';
import { commandRepoRoot, userCwd } from '@briefing/repo';

/**
 * Where the records are: `BRIEFING_DATA`, else `seeds/briefings` of the repository around the
 * working directory, else around this module (the built server may be started from anywhere).
 */
export function resolveDataDir({
  env = process.env,
  // A relative BRIEFING_DATA is read from where the user started the server, not apps/dashboard.
  cwd = userCwd(env),
}: { env?: Record<string, string | undefined>; cwd?: string } = {}): string {
  const configured = env.BRIEFING_DATA;
  if (configured !== undefined && configured !== '') return resolve(cwd, configured);
  const root = commandRepoRoot({ cwd });
  if (root === undefined) {
    throw new Error(
      `BRIEFING_DATA is not set and no pnpm-workspace.yaml was found above ${cwd}: set BRIEFING_DATA to the directory of briefing records (e.g. seeds/briefings)`,
    );
  }
  return join(root, 'seeds', 'briefings');
}
