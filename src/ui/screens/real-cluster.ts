// A practice prompt on a real cluster, while it takes no line: the namespace being made (and the
// lesson's setup run), a failure, or the line running on the cluster; and, under a curl goal, how
// its node ports are reached from this machine.
import type { RealWorld } from '../../core/course/real-world.js';
import { seg, type Line } from '../../text/line.js';
import { visibleControls } from '../../core/visible-controls.js';
import type { Cluster } from '../../core/cluster/index.js';
import type { DoStep } from '../../core/course/model.js';
import { reachHere } from '../../core/real-cluster/reach-here.js';
import { wrap } from '../../text/wrap.js';

export function realPromptLine(real: RealWorld | null | undefined, columns: number): Line | null {
  if (!real) return null;
  const fit = (text: string): string => (text.length > columns - 3 ? `${text.slice(0, Math.max(0, columns - 4))}…` : text);
  if (real.running) {
    // What it is doing comes first: a long line is cut at the window's edge, never the news.
    const doing = real.running.stopping ? 'stopping' : `running on ${real.context} (ctrl-c stops it)`;
    return [seg('$ ', 'command'), seg(fit(`${doing}: ${visibleControls(real.running.line)}`), 'dim')];
  }
  if (real.phase === 'idle') return [seg('$ ', 'dim'), seg(fit('opening the lesson on the cluster...'), 'dim')];
  if (real.phase === 'opening') return [seg('$ ', 'dim'), seg(fit(visibleControls(real.says ?? 'making the namespace...')), 'dim')];
  if (real.phase === 'failed') return [seg('$ ', 'dim'), seg(fit(visibleControls(real.says ?? 'the namespace could not be made')), 'bad')];
  return null;
}

/** The most node ports the reach line names before it points at `reach` for the rest. */
const REACH_SHOWN = 2;

/**
 * On a real cluster, under the goal of a step that asks for a curl: how the step's Services are
 * reached from this machine (what `reach` prints, in one line each), so the learner need not ask.
 */
export function realReachLines(real: RealWorld | null | undefined, step: DoStep, cluster: Cluster, columns: number): Line[] {
  if (!real?.reach || real.phase !== 'ready') return [];
  const requests = step.goal.flatMap((c) => ('request' in c ? [c.request.service] : []));
  if (requests.length === 0) return [];
  const named = requests.every((s): s is string => s !== undefined) ? requests : undefined;
  const found = reachHere(real.reach, cluster, named);
  const shown = found.slice(0, REACH_SHOWN);
  const lines = shown.flatMap((r) => wrap(`From here: ${visibleControls(r.says)} (${visibleControls(r.service)})`, columns, 'focus', 2));
  const more = found.length - shown.length;
  return more > 0 ? [...lines, ...wrap(`and ${more} more node port${more === 1 ? '' : 's'}: type reach`, columns, 'dim', 2)] : lines;
}
