// @ts-check
// Which Node.js the briefing commands run on. Checked by each command's entry point before it
// loads anything that needs it: an older Node then gets this message, not a stack trace about
// node:sqlite. Plain JavaScript with no build step, so that scripts/check-prereqs.mjs can use
// it before anything is installed or built.

/** The oldest major version: the live store needs Node's built-in SQLite (node:sqlite). */
export const OLDEST_SUPPORTED_MAJOR = 24;

/**
 * What to tell a user of this version of Node.js, or undefined when it is supported.
 * @param {string} [version] such as "20.20.2" (default: this process's)
 * @returns {string | undefined}
 */
export function unsupportedNode(version = process.versions.node) {
  const major = Number(version.split('.')[0]);
  if (major >= OLDEST_SUPPORTED_MAJOR) return undefined;
  return (
    `Node.js ${version} is not supported: install Node.js 24 or 26 (LTS), ` +
    'e.g. with `npm i --prefix ~/.node24 node@24` and `export PATH=~/.node24/node_modules/.bin:$PATH`.'
  );
}

/**
 * Exits with status 1 and the message unless this Node.js is supported.
 * @param {string} command what the user ran, as the message names it
 */
export function exitUnlessSupportedNode(command) {
  const problem = unsupportedNode();
  if (problem === undefined) return;
  console.error(`${command}: ${problem}`);
  process.exit(1);
}

/**
 * For tests of the entry points: a module to preload (`node --import <it>`) that makes the
 * process report `version` as its Node.js version, so that the check is seen at work without
 * installing an older Node.
 * @param {string} version
 * @returns {string}
 */
export function reportingNodeVersion(version) {
  const source = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
