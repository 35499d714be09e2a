// A trace as plain text, one hop a line (wrapped with a hanging indent in a narrow window): what
// `print` shows for a trace step, and what a screen reader reads.
import { describeDecision, describeOutcome, formatPacket, type Hop, type Trace } from '../core/trace/index.js';
import { line, type Line } from './line.js';
import { wrap } from './wrap.js';

function hopSentence(hop: Hop, number: number, count: number): string {
  const moved = hop.out && formatPacket(hop.out) !== formatPacket(hop.in) ? ` -> ${formatPacket(hop.out)}` : '';
  const nat = hop.nat ? ` (${hop.nat})` : '';
  const said = [...hop.decided.map(describeDecision), ...(hop.note ? [hop.note] : [])]
    .map((s) => s.replace(/\.$/, ''))
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join('. ');
  return `Hop ${number} of ${count}, ${hop.where}: ${formatPacket(hop.in)}${moved}${nat}.${said ? ` ${said}.` : ''}`;
}

export function traceTextLines(trace: Trace, columns: number): Line[] {
  const out: Line[] = [];
  trace.hops.forEach((hop, i) => out.push(...wrap(hopSentence(hop, i + 1, trace.hops.length), columns, 'plain', 2)));
  out.push(...wrap(`Outcome: ${describeOutcome(trace.outcome, trace.hops)}`, columns, 'plain', 2));
  if (trace.reply.length > 0) {
    out.push(line('The way back:'));
    trace.reply.forEach((hop, i) => out.push(...wrap(hopSentence(hop, i + 1, trace.reply.length), columns, 'plain', 2)));
  }
  return out;
}
