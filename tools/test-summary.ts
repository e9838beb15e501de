/**
 * Prints the one closing line CI reads, `N passed, N failed[, N skipped]`, from vitest's JSON report.
 * Usage: tsx tools/test-summary.ts test-results/vitest.json
 */
import { existsSync, readFileSync } from 'node:fs';

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

const file = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(file)) {
  // The type check or lint failed before any test ran: count that as one failure.
  process.stdout.write('0 passed, 1 failed\n');
} else {
  const r = JSON.parse(readFileSync(file, 'utf8')) as Report;
  process.stdout.write(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped\n`);
}
