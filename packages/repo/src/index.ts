export { findRepoRoot } from './find-repo-root.js';
export { commandRepoRoot } from './repo-root.js';
export { userCwd } from './user-cwd.js';
export { writeFileAtomic } from './write-file-atomic.js';
export { makeDirectory } from './make-directory.js';
