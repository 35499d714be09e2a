// The three Service types as the path a request takes under each: each type builds on the one before.
import { blank, line, seg, type Line, type Segment } from '../line.js';
import { wrapWords } from '../wrap.js';
import { arrowRight, box, caption, row } from './boxes.js';
import { nodePortText, type PortNumbers } from './ports.js';

const node = (text: string, sub: Line) => box([line(text), sub]);

export function serviceTypes(wide: boolean, ports: PortNumbers, columns: number): Line[] {
  const pod = node('pod', [seg('targetPort '), seg(String(ports.targetPort), 'targetPort')]);
  const service = node('Service', [seg('port '), seg(String(ports.port), 'port')]);
  const nodeBox = node('worker node', [seg('nodePort '), seg(nodePortText(ports, '30000-32767'), 'nodePort')]);
  const kinds: { title: string; reach: string; boxes: Line[][] }[] = [
    { title: 'ClusterIP', reach: 'inside the cluster only', boxes: [node('another pod', line('in the cluster', 'dim')), service, pod] },
    { title: 'NodePort', reach: 'from outside, at any node IP', boxes: [node('you', line('outside', 'dim')), nodeBox, service, pod] },
    {
      title: 'LoadBalancer',
      reach: 'from the internet, via a cloud load balancer',
      boxes: [node('you', line('internet', 'dim')), node('cloud LB', line('AWS/Azure/GCP', 'dim')), nodeBox, service, pod],
    },
  ];
  const out: Line[] = [];
  kinds.forEach((kind, i) => {
    if (i > 0) out.push(blank);
    out.push(...caption([seg(kind.title, 'heading'), seg(` · reachable ${kind.reach}`, 'dim')], columns));
    const arrows = kind.boxes.map(() => arrowRight());
    out.push(...(wide ? row(kind.boxes, arrows, columns) : chain(kind.boxes, columns)));
  });
  return out;
}

/** The narrow form: each box's first two rows as one `name value` item in an arrow chain. */
function chain(boxes: readonly Line[][], columns: number): Line[] {
  const words = boxes.flatMap((b, i) => {
    const inner = (l: Line | undefined): Segment[] => (l ?? []).filter((s) => s.style !== 'border');
    const items = [...inner(b[1]), seg(' '), ...inner(b[2])].filter((s) => s.text.trim());
    const parts = items.map((s, n) => ({ text: s.text.trim(), style: s.style, spaced: n > 0 }));
    return i === 0 ? parts : [{ text: '─▶', style: 'border' as const, spaced: true }, ...parts.map((p, n) => (n === 0 ? { ...p, spaced: true } : p))];
  });
  return wrapWords(words, columns - 2, 4).map((l) => [seg('  '), ...l]);
}
