// A practice prompt on a real cluster, while it takes no line: the namespace being made (and the
// lesson's setup run), a failure, or the line running on the cluster.
import type { RealWorld } from '../../core/course/real-world.js';
import { seg, type Line } from '../../text/line.js';
import { visibleControls } from '../../core/visible-controls.js';

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
