import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge } from '../../../scripts/check-electronegativity.ts';

const issue = (id: string, file: string, severity = 'MEDIUM') => ({
  id,
  file,
  location: { line: 1, column: 0 },
  severity: { name: severity },
  confidence: { name: 'FIRM' },
  description: id,
});
const reason = 'Reviewed: a reason long enough to say why.';

describe('the electronegativity gate', () => {
  it('allows only listed findings, never a HIGH one, and reports stale entries', () => {
    const allowlist = {
      excludedChecks: [],
      findings: [
        { id: 'PRELOAD_JS_CHECK', file: 'main/index.js', reason },
        { id: 'CSP_GLOBAL_CHECK', file: 'renderer/*.html', reason },
        { id: 'NODE_INTEGRATION_JS_CHECK', file: 'main/index.js', reason },
        { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.js', reason },
      ],
    };
    const verdict = judge(
      [
        issue('PRELOAD_JS_CHECK', 'main/index.js'),
        issue('CSP_GLOBAL_CHECK', 'renderer/quick-add.html', 'LOW'),
        issue('CSP_GLOBAL_CHECK', 'renderer/assets/evil.html', 'LOW'),
        issue('NODE_INTEGRATION_JS_CHECK', 'main/index.js', 'HIGH'),
        issue('AUXCLICK_JS_CHECK', 'main/index.js'),
      ],
      allowlist,
    );
    expect(verdict.allowed.map(({ issue: found }) => `${found.id} ${found.file}`)).toEqual(['PRELOAD_JS_CHECK main/index.js', 'CSP_GLOBAL_CHECK renderer/quick-add.html']);
    expect(verdict.high.map((found) => found.id)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(verdict.unexpected.map((found) => `${found.id} ${found.file}`)).toEqual(['CSP_GLOBAL_CHECK renderer/assets/evil.html', 'AUXCLICK_JS_CHECK main/index.js']);
    expect(verdict.stale.map((entry) => entry.id)).toEqual(['NODE_INTEGRATION_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
  });

  it('keeps a reason with every entry of the reviewed allowlist', () => {
    const file = path.resolve(import.meta.dirname, '../../../docs/electronegativity-allowlist.json');
    const allowlist = JSON.parse(fs.readFileSync(file, 'utf8')) as { excludedChecks: Array<{ reason: string }>; findings: Array<{ id: string; reason: string }> };
    for (const entry of [...allowlist.excludedChecks, ...allowlist.findings]) expect(entry.reason.length).toBeGreaterThan(40);
    // The checks that guard the hardening itself must never be allowlisted away.
    const ids = allowlist.findings.map((entry) => entry.id);
    for (const forbidden of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(ids).not.toContain(forbidden);
    }
  });
});
