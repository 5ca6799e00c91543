#!/usr/bin/env bash
# Extra CI checks, run by .ci/run after `npm run build`.
# electronegativity on the build output: fails on any HIGH finding, on any finding not in the
# reviewed docs/electronegativity-allowlist.json, and on allowlist entries that match nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

report_dir=$(mktemp -d)
npm exec --silent -- node scripts/check-electronegativity.ts out "$report_dir/electronegativity.sarif"

# The CLI tests again, against the bundle `npm run build` wrote to out/cli (Node runs plain JavaScript, no TypeScript stripping).
LEVERAGE_CLI_BIN=out/cli/leverage.js npm exec --silent -- vitest run --project node tests/node/cli tests/node/publishing/cli.test.ts tests/node/agentLogs/sessionsCommands.test.ts tests/node/import/importCommit.test.ts tests/node/reliability/backups.test.ts

# The npm package: pack, `npm install -g` into a temporary prefix (Node 24 first on PATH), run the installed `leverage`.
npm exec --silent -- node scripts/check-package.ts
