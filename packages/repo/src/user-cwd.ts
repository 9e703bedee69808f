/**
 * The directory the user typed the command in, which relative paths are resolved against.
 * pnpm runs a script in its package's directory and sets INIT_CWD to where it was invoked; the
 * root scripts run a second pnpm (`pnpm --filter … run`), which would set INIT_CWD to the
 * repository root, so they pass the user's directory on as BRIEFING_CWD first.
 */
export function userCwd(
  env: Record<string, string | undefined> = process.env,
  fallback: string = process.cwd(),
): string {
  return env.BRIEFING_CWD || env.INIT_CWD || fallback;
}
