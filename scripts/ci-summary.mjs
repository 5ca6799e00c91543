// Prints CI's closing line "N passed, N failed" from vitest's JSON report plus failed CI steps,
// and exits non-zero when anything failed.
import fs from 'node:fs';

const [reportPath, failedStepsText = '0', testStatusText = '0'] = process.argv.slice(2);
const failedSteps = Number(failedStepsText);
const testStatus = Number(testStatusText);
let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(fs.readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  if (report.numTotalTests === 0) failed += 1;
} catch (error) {
  console.error(`No test report at ${reportPath}: ${error.message}`);
  failed += 1;
}
failed += failedSteps;
if (testStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
