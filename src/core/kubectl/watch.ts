// kubectl get -w: the table, then one row each time an object in it changes. A real watch runs
// until Ctrl-C; the sandbox answers a whole line at once, so its watch follows what the virtual
// clock brings (pods being scheduled, starting, becoming ready, a rollout's steps) until nothing
// more is pending or 60 seconds have passed, then ends as Ctrl-C would, with the clock moved on
// to where the watch stopped. The next line (or prompt) carries on from there.

import { advanceClock, runsOf, type Cluster } from '../cluster/index.js';
import type { CommandContext, KubectlResult } from './command.js';
import type { ParsedArgs } from './flags.js';

export const WATCH_LIMIT_MS = 60_000;

/** The next moment, up to `until`, when something visible about a pod changes (a sandbox, a container start). */
export function nextMoment(cluster: Cluster, until: number): number | undefined {
  let soonest: number | undefined;
  for (const pod of cluster.pods) {
    // A container that exits at once changes as it ends, is noticed, and starts again.
    const runs = pod.quickExit ? runsOf(pod, pod.quickExit, until).flatMap((r) => [r.startedAt, r.finishedAt + 1000]) : [];
    for (const t of [pod.timeline.sandboxAt, pod.timeline.startedAt, ...runs]) {
      if (t > cluster.now && t <= until && (soonest === undefined || t < soonest)) soonest = t;
    }
  }
  return soonest;
}

function withoutWatch(parsed: ParsedArgs): ParsedArgs {
  const flags = new Map(parsed.flags);
  flags.delete('watch');
  flags.set('no-headers', ['true']);
  return { ...parsed, flags };
}

/** Rows by their first column (the name), as `get --no-headers` prints them. */
function rowsOf(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split('\n')) if (line.trim() !== '') rows.set(line.split(/\s+/)[0] ?? line, line);
  return rows;
}

export function followWatch(ctx: CommandContext, first: KubectlResult, get: (ctx: CommandContext) => KubectlResult): KubectlResult {
  let cluster = first.cluster;
  const quiet = withoutWatch(ctx.parsed);
  const seen = rowsOf(get({ ...ctx, cluster, parsed: quiet }).stdout);
  const until = cluster.now + WATCH_LIMIT_MS;
  let stdout = first.stdout;
  // kubectl's tabwriter (cli-runtime printers.GetNewTabWriter: liggitt/tabwriter with
  // RememberWidths) keeps each column's widest cell across flushes: a row that comes later lines
  // up under the table, and a wider cell widens its column from then on.
  const widths: number[] = [];
  const remember = (cells: readonly string[]): void => cells.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  for (const line of first.stdout.split('\n')) if (line.trim() !== '') remember(line.trim().split(/\s{2,}/));
  const aligned = (cells: readonly string[]): string => {
    remember(cells);
    return `${cells.map((c, i) => (i < cells.length - 1 ? c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - [...c].length) + 3) : c)).join('')}\n`;
  };
  for (;;) {
    const next = nextMoment(cluster, until);
    if (next === undefined) break;
    cluster = advanceClock(cluster, next - cluster.now);
    const now = get({ ...ctx, cluster, parsed: quiet });
    // Each event is its own flush of kubectl's tabwriter, with the widths it remembers.
    for (const [name, line] of rowsOf(now.stdout)) {
      const cells = line.trim().split(/\s{2,}/);
      const key = cells.slice(0, -1).join('\t');
      const before = seen.get(name);
      if (
        before === undefined ||
        before
          .trim()
          .split(/\s{2,}/)
          .slice(0, -1)
          .join('\t') !== key
      )
        stdout += aligned(cells);
      seen.set(name, line);
    }
  }
  return {
    ...first,
    cluster,
    stdout,
    output: [...(first.output ?? []), ...(stdout.length > first.stdout.length ? [{ stream: 'stdout' as const, text: stdout.slice(first.stdout.length) }] : [])],
  };
}
