// CPU seconds of a process and what it has started, read from Linux's /proc, for the runner's table
// of what the tests cost (scripts/test.mjs). Elsewhere the figures are null, and the table says so.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on every Linux Node runs on). */
const TICKS = 100;

/**
 * The fields of /proc/<pid>/stat after the command name, or null when the process is gone.
 * @param {number | 'self'} pid
 * @returns {string[] | null}
 */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * CPU seconds of a process itself and of its children that ended and were waited for
 * (utime, stime, cutime, cstime).
 * @param {number | 'self'} pid
 * @returns {number | null}
 */
export function cpuSeconds(pid) {
  const fields = stat(pid);
  if (!fields) return null;
  // After the name: state is field 3 of stat(5), so utime (14) to cstime (17) are 11 to 14 here.
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / TICKS;
}

/**
 * The children of a process still running, from every thread's list.
 * @param {number} pid
 * @returns {number[]}
 */
function children(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU seconds of a process and of everything under it, alive or ended: a process that detached from
 * the test (a tmux server) is counted nowhere else.
 * @param {number} pid
 * @returns {number | null}
 */
export function treeCpuSeconds(pid) {
  const own = cpuSeconds(pid);
  if (own === null) return null;
  return children(pid).reduce((sum, child) => sum + (treeCpuSeconds(child) ?? 0), own);
}
