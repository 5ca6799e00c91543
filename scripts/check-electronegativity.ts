/**
 * Runs electronegativity on the build output (out/) and compares its findings with the reviewed
 * allowlist (docs/electronegativity-allowlist.json). Fails on any HIGH finding, on any finding the
 * allowlist does not cover, and on allowlist entries that no longer match anything (so the list
 * stays reviewed, not accumulated). Writes the full SARIF report for inspection.
 *
 * The package's CLI cannot start here (it relies on a `commander` it does not declare), so its
 * runner is called directly. Usage: node scripts/check-electronegativity.ts [out-dir] [report.sarif]
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const ALLOWLIST_FILE = path.join(ROOT, 'docs/electronegativity-allowlist.json');

const allowlistSchema = z.strictObject({
  /** Checks not run at all, with why. */
  excludedChecks: z.array(z.strictObject({ check: z.string().min(1), reason: z.string().min(20) })),
  /** Findings accepted after review: check id + a glob-free file pattern (`*` matches within a name). */
  findings: z.array(z.strictObject({ id: z.string().min(1), file: z.string().min(1), reason: z.string().min(20) })),
});
type Allowlist = z.infer<typeof allowlistSchema>;

interface Issue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
}

export interface Verdict {
  high: Issue[];
  unexpected: Issue[];
  stale: Allowlist['findings'];
  allowed: Array<{ issue: Issue; reason: string }>;
}

function filePattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${escaped}$`);
}

/** Sorts each finding into HIGH (never allowed), allowed (with its reason) or unexpected. */
export function judge(issues: readonly Issue[], allowlist: Allowlist): Verdict {
  const used = new Set<number>();
  const verdict: Verdict = { high: [], unexpected: [], stale: [], allowed: [] };
  for (const issue of issues) {
    if (issue.severity.name.toUpperCase() === 'HIGH') {
      verdict.high.push(issue);
      continue;
    }
    const file = issue.file.split(path.sep).join('/');
    const index = allowlist.findings.findIndex((entry) => entry.id === issue.id && filePattern(entry.file).test(file));
    if (index === -1) verdict.unexpected.push(issue);
    else {
      used.add(index);
      verdict.allowed.push({ issue, reason: allowlist.findings[index]?.reason ?? '' });
    }
  }
  verdict.stale = allowlist.findings.filter((_entry, index) => !used.has(index));
  return verdict;
}

/**
 * The tool fetches translations (and, in one check, Electron's release list) over the network; a
 * failed fetch there crashes the process from a timer. The scan must be deterministic and offline,
 * so its HTTP client is replaced by one that fails at once (the bundled en-US strings are used).
 */
function stubNetwork(): void {
  const toolFolder = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = require.resolve('got', { paths: [toolFolder] });
  const offline = Object.assign(() => Promise.reject(new Error('offline scan')), { head: () => Promise.reject(new Error('offline scan')) });
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
}

async function scan(input: string, sarifFile: string, excludedChecks: string[]): Promise<Issue[]> {
  stubNetwork();
  const run = require('@doyensec/electronegativity/dist/runner.js') as (options: object, forCli: boolean) => Promise<{ issues: Issue[]; errors: Array<{ file: string; message: string; tolerable: boolean }> }>;
  const result = await run(
    {
      input,
      output: sarifFile,
      isSarif: true,
      customScan: [],
      excludeFromScan: excludedChecks,
      isRelative: true,
      isVerbose: false,
      // Read from the installed package: the tool would otherwise guess (and assume v0.1.0).
      electronVersionOverride: (require('electron/package.json') as { version: string }).version,
      parserPlugins: [],
    },
    false,
  );
  const fatal = result.errors.filter((error) => !error.tolerable);
  if (fatal.length > 0) throw new Error(`electronegativity could not parse: ${fatal.map((error) => `${error.file}: ${error.message}`).join('; ')}`);
  return result.issues;
}

function describe(issue: Issue): string {
  return `${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column} (${issue.confidence.name})`;
}

async function main(): Promise<number> {
  const input = path.resolve(process.argv[2] ?? path.join(ROOT, 'out'));
  const sarifFile = process.argv[3] ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-')), 'report.sarif');
  if (!fs.existsSync(path.join(input, 'main'))) {
    console.error(`No build output at ${input}: run \`npm run build\` first.`);
    return 1;
  }
  const allowlist = allowlistSchema.parse(JSON.parse(fs.readFileSync(ALLOWLIST_FILE, 'utf8')));
  const issues = await scan(
    input,
    sarifFile,
    allowlist.excludedChecks.map((entry) => entry.check),
  );
  const verdict = judge(issues, allowlist);
  console.log(`electronegativity: ${issues.length} findings in ${path.relative(ROOT, input) || '.'} (report: ${sarifFile})`);
  for (const { issue, reason } of verdict.allowed) console.log(`  allowed   ${describe(issue)}: ${reason}`);
  for (const issue of verdict.high) console.log(`  HIGH      ${describe(issue)}: ${issue.description}`);
  for (const issue of verdict.unexpected) console.log(`  NOT LISTED ${describe(issue)}: ${issue.description}`);
  for (const entry of verdict.stale) console.log(`  STALE     allowlist entry ${entry.id} ${entry.file} matched nothing: remove it`);
  const failed = verdict.high.length + verdict.unexpected.length + verdict.stale.length;
  console.log(failed === 0 ? 'electronegativity: OK' : `electronegativity: ${failed} problem(s)`);
  return failed === 0 ? 0 : 1;
}

if (import.meta.main) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
