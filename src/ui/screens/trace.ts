// A trace on screen: the learner's prediction first (when the step asks), then the hops one at a
// time (where the packet is, its addresses in and out, the field or rule that moved it), and the
// outcome. In --plain every hop is listed at once, without stepping.
import { currentPractice, currentStep, currentTrace, type NavState } from '../../core/course/navigation.js';
import { actualEnding, endings, followRequest } from '../../core/course/trace-step.js';
import { describeDecision, describeOutcome, formatPacket, type Hop, type Place, type Trace } from '../../core/trace/index.js';
import { hardWrap } from '../../text/code.js';
import { blank, line, lineWidth as lineWidthOf, seg, type Line, type Segment, type Style } from '../../text/line.js';
import { wrap, wrapWords } from '../../text/wrap.js';

/** Below this width the trace is listed whole instead of stepped through. */
export const NARROW = 80;

export interface TraceLines {
  readonly lines: Line[];
  /** Places to step through: each hop, then the outcome. */
  readonly stops: number;
}

const SHORT: Record<Place, string> = {
  client: 'you',
  'load-balancer': 'load balancer',
  firewall: 'firewall',
  'node-nic': 'node',
  iptables: 'iptables',
  service: 'Service',
  node: 'node',
  conntrack: 'conntrack',
  'pod-network': 'pod network',
  pod: 'pod',
  container: 'app',
};

/** Port field names keep their colour wherever they appear, so the learner sees which one acted. */
function highlighted(text: string, columns: number, indent = 0): Line[] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) => {
      const field = /^(nodePort|port|targetPort|containerPort)\b/.exec(word)?.[1] as Style | undefined;
      return { text: word, style: field ?? 'plain', spaced: i > 0 };
    });
  return wrapWords(words, columns - indent, indent);
}

export function traceLines(state: NavState, columns: number, plain: boolean): TraceLines {
  const here = currentStep(state);
  const found = currentTrace(state);
  const cluster = currentPractice(state)?.shell.cluster;
  if (!here || here.step.kind !== 'trace' || !found || !cluster) return { lines: [], stops: 1 };
  const followed = followRequest(here.step.request, cluster);
  if (!followed.ok) return { lines: wrap(followed.error, columns, 'bad'), stops: 1 };
  const t = followed.trace;
  const stops = t.hops.length + 1;
  const { view } = found;
  const options = endings();
  if (found.predict && view.predicted === null) {
    const lines: Line[] = [line('Before you look: where will this request fail?', 'heading')];
    options.forEach((o, i) => {
      const here = view.cursor === i;
      // No ending is marked until the learner chooses one.
      const chosen = here && view.picked === true;
      lines.push(
        ...wrap(o.says, columns - 6, 'plain', 6).map((l, n) => (n === 0 ? [seg(here ? '› ' : '  ', 'focus'), seg(chosen ? '(•) ' : '( ) '), ...l] : l)),
      );
    });
    lines.push(blank, line('↑/↓ choose · enter: that is my guess', 'dim'));
    return { lines, stops };
  }
  const lines: Line[] = [];
  const at = Math.min(view.at, stops - 1);
  const atEnd = plain || columns < NARROW || at === stops - 1;
  // The verdict comes at once, as the step promises; the hops below then show why.
  if (view.predicted !== null) {
    const actual = actualEnding(t);
    const right = view.predicted === actual;
    const said = options.find((o) => o.id === view.predicted)?.says ?? view.predicted;
    const real = options.find((o) => o.id === actual)?.says ?? actual;
    const why = atEnd ? '' : ' The hops below show why.';
    const verdict = right ? `Right: ${said}.${why}` : `You said: ${said}. In fact: ${real}.${why}`;
    lines.push(...wrap(verdict, columns - 2, 'plain', 2).map((l, n) => (n === 0 ? [seg(right ? '✓ ' : '✗ ', right ? 'good' : 'bad'), ...l] : l)), blank);
  }
  if (plain || columns < NARROW) {
    // --plain and narrow windows: every hop at once, one short block each, nothing to step or play.
    if (!plain) lines.push(...wrap('Every hop at once, as the window is narrow: ↓ and page down scroll through them; → goes on.', columns, 'dim'), blank);
    t.hops.forEach((hop, i) => lines.push(...hopLines(hop, i, t, columns, true)));
    lines.push(blank, ...outcomeLines(t, columns));
    return { lines, stops: 1 };
  }
  lines.push(...strip(t, at, columns), blank);
  if (at < t.hops.length) lines.push(...hopLines(t.hops[at]!, at, t, columns, false));
  else lines.push(...outcomeLines(t, columns));
  lines.push(blank, line(at < stops - 1 ? '→ / space next hop · ← back · a play' : '→ next step · ← back through the hops', 'dim'));
  return { lines, stops };
}

/** The hops in a row, the one on screen marked, wrapped to the window. */
function strip(t: Trace, at: number, columns: number): Line[] {
  const words: { text: string; style: Style; spaced: boolean }[] = [];
  t.hops.forEach((hop, i) => {
    if (i > 0) words.push({ text: '─▶', style: 'border', spaced: true });
    const label = `${i + 1}:${SHORT[hop.place].replace(/ /g, '\u00a0')}`;
    words.push({ text: i === at ? `[${label}]` : label, style: i === at ? 'focus' : i < at ? 'plain' : 'dim', spaced: i > 0 });
  });
  const end = t.outcome.kind === 'answered' ? '✓\u00a0answer' : t.outcome.kind === 'refused' ? '✗\u00a0refused' : '✗\u00a0time-out';
  words.push(
    { text: '─▶', style: 'border', spaced: true },
    { text: at === t.hops.length ? `[${end}]` : end, style: at === t.hops.length ? 'focus' : 'dim', spaced: true },
  );
  return wrapWords(words, columns);
}

function hopLines(hop: Hop, index: number, t: Trace, columns: number, compact: boolean): Line[] {
  const out: Line[] = [];
  const label = `Hop ${index + 1} of ${t.hops.length}: `;
  const heading: Style = 'heading';
  const title = wrapWords(
    [
      { text: label.trimEnd(), style: 'dim', spaced: false },
      ...hop.where
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => ({ text: w, style: heading, spaced: true })),
    ],
    columns,
    2,
  );
  out.push(...(title as Segment[][]));
  const packetLine = (name: string, text: string, nat = '') => {
    const rows = hardWrap(text, columns - 6).map((piece, n): Line => [seg(n === 0 ? `  ${name.padEnd(4)}` : '      ', 'dim'), seg(piece, 'code')]);
    // What rewrote the packet goes after it, or under it when the row is full.
    if (nat) {
      const last = rows[rows.length - 1]!;
      const mark = seg(`  (${nat})`, 'focus');
      if (lineWidthOf(last) + mark.text.length <= columns) rows[rows.length - 1] = [...last, mark];
      else rows.push([seg('      '), seg(`(${nat})`, 'focus')]);
    }
    return rows;
  };
  out.push(...packetLine('in', formatPacket(hop.in)));
  if (hop.out && (hop.nat || formatPacket(hop.out) !== formatPacket(hop.in))) out.push(...packetLine('out', formatPacket(hop.out), hop.nat));
  for (const decision of hop.decided)
    out.push(...highlighted(describeDecision(decision), columns, 4).map((l, n) => (n === 0 ? [seg('  · ', 'dim'), ...l] : l)));
  if (!compact) {
    for (const rule of hop.rules) {
      out.push(...hardWrap(`${rule.table} ${rule.text}`, columns - 2).map((piece) => [seg('  '), seg(piece, 'code')]));
    }
  }
  if (hop.note) out.push(...highlighted(hop.note, columns, 2).map((l, n) => (n === 0 ? [seg('  '), ...l] : l)));
  return out;
}

function outcomeLines(t: Trace, columns: number): Line[] {
  const ok = t.outcome.kind === 'answered';
  const out: Line[] = [[seg(ok ? '✓ ' : '✗ ', ok ? 'good' : 'bad'), ...(highlighted(describeOutcome(t.outcome, t.hops), columns - 2)[0] ?? [])]];
  out.push(
    ...highlighted(describeOutcome(t.outcome, t.hops), columns - 2)
      .slice(1)
      .map((l) => [seg('  '), ...l]),
  );
  if (t.reply.length > 0) {
    out.push(blank, line('The way back', 'heading'));
    for (const hop of t.reply)
      out.push(
        ...wrap(
          `${hop.where}: ${formatPacket(hop.in)}${hop.out ? ` → ${formatPacket(hop.out)}` : ''}${hop.nat ? ` (${hop.nat})` : ''}`,
          columns - 2,
          'plain',
          2,
        ).map((l) => [seg('  '), ...l]),
      );
  }
  return out;
}
