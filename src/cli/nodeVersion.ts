/** The oldest Node the CLI runs on: better-sqlite3 13 is built for Node-API of Node 22 and crashes older ones. */
export const MINIMUM_NODE_MAJOR = 22;

/** One line saying why this Node cannot run the CLI, or null when it can. */
export function nodeVersionProblem(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? Number.NaN);
  if (Number.isFinite(major) && major >= MINIMUM_NODE_MAJOR) return null;
  return `leverage needs Node.js ${MINIMUM_NODE_MAJOR} or newer; this is Node.js ${version}. Install a current Node.js (https://nodejs.org) or use the Leverage Journal app.`;
}
