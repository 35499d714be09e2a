// A module hook for a child process: writes each file: URL the process loads to the file named by
// NPL_LOADED_LOG, one a line. Registered with --import (see test/e2e/load-by-command.test.ts).
import { appendFileSync } from 'node:fs';

/** @type {import('node:module').LoadHook} */
export async function load(url, context, nextLoad) {
  const log = process.env.NPL_LOADED_LOG;
  if (log && url.startsWith('file:')) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
