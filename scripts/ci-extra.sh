#!/usr/bin/env bash
# Extra CI checks, run by .ci/run after `npm run build`.
# electronegativity on the build output: fails on any HIGH finding, on any finding not in the
# reviewed docs/electronegativity-allowlist.json, and on allowlist entries that match nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

report_dir=$(mktemp -d)
npm exec --silent -- node scripts/check-electronegativity.ts out "$report_dir/electronegativity.sarif"
