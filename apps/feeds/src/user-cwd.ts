/** The directory the user ran the command from (pnpm runs scripts in the package directory). */
export function userCwd(): string {
  return process.env.INIT_CWD ?? process.cwd();
}
