// The three ports of a NodePort Service, and the container port the last one must match.
import { blank, line, seg, type Line } from '../line.js';
import { arrowRight, box, caption, column, row } from './boxes.js';
import { nodePortText, type PortNumbers } from './ports.js';

export function threePorts(wide: boolean, ports: PortNumbers, columns: number): Line[] {
  const boxes = [
    box([line('user'), line('browser or curl', 'dim')]),
    box([line('worker node'), [seg('nodePort ', 'plain'), seg(nodePortText(ports), 'nodePort')], line('30000-32767', 'dim')]),
    box([line('Service (ClusterIP)'), [seg('port ', 'plain'), seg(String(ports.port), 'port')], line('the service port', 'dim')]),
    box([
      line('pod'),
      [seg('targetPort ', 'plain'), seg(String(ports.targetPort), 'targetPort')],
      [seg('= containerPort ', 'plain'), seg(String(ports.targetPort), 'containerPort')],
    ]),
  ];
  const arrows = boxes.map(() => arrowRight());
  return [
    ...(wide ? row(boxes, arrows, columns) : column(boxes, arrows)),
    blank,
    ...caption(
      [
        seg('nodePort', 'nodePort'),
        seg(' opens on every node · '),
        seg('port', 'port'),
        seg(' belongs to the Service · '),
        seg('targetPort', 'targetPort'),
        seg(' is where the pod listens'),
      ],
      columns,
    ),
  ];
}
