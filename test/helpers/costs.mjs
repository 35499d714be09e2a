// The log of what the tests cost, which scripts/test.mjs sums into its table: each test process
// appends JSON lines to the file named by NPL_TEST_COSTS (nothing is written without it).
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Appends one record to the cost log, if there is one.
 * @param {Record<string, unknown>} record
 */
export function logCost(record) {
  const log = process.env.NPL_TEST_COSTS;
  if (log) appendFileSync(log, `${JSON.stringify(record)}\n`);
}

/**
 * The test file (relative to the repository) that called the function calling this one, found in
 * the stack; undefined when no test file is on it.
 * @returns {string | undefined}
 */
export function callingTestFile() {
  const stack = new Error().stack ?? '';
  for (const match of stack.matchAll(/(?:file:\/\/)?(\/[^\s():]+\.test\.tsx?)/g)) return relative(root, match[1] ?? '');
  return undefined;
}
