// One request, hop by hop, with the address it is sent to at each hop.
import { blank, seg, type Line } from '../line.js';
import { arrowRight, box, caption, column, row } from './boxes.js';
import { nodePortText, type PortNumbers } from './ports.js';

export function requestPath(wide: boolean, ports: PortNumbers, columns: number): Line[] {
  const hop = (n: number, title: string, address: Line): Line[] => box([[seg(`${n} `, 'dim'), seg(title)], address]);
  const boxes = [
    hop(1, 'user', [seg('curl', 'code')]),
    hop(2, 'worker node', [seg('203.0.113.11:', 'code'), seg(nodePortText(ports), 'nodePort')]),
    hop(3, 'Service', [seg('10.101.87.14:', 'code'), seg(String(ports.port), 'port')]),
    hop(4, 'pod', [seg('10.244.2.7:', 'code'), seg(String(ports.targetPort), 'targetPort')]),
    hop(5, 'nginx', [seg('200 OK', 'good')]),
  ];
  const arrows = boxes.map(() => arrowRight());
  return [
    ...(wide ? row(boxes, arrows, columns) : column(boxes, arrows)),
    blank,
    ...caption([seg('The answer goes back the same way, and the user sees the page.', 'dim')], columns),
  ];
}
