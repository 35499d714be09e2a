// A learner's laptop, and a pod whose IP exists only inside the cluster network.
import { blank, line, seg, type Line } from '../line.js';
import { arrowRight, box, caption, column, row } from './boxes.js';

export function unreachablePod(wide: boolean, columns: number): Line[] {
  const you = box([line('you'), line('(your laptop)', 'dim')]);
  const pod = box([line('pod my-first-pod'), [seg('10.244.1.5', 'code'), seg(':'), seg('80', 'containerPort')]]);
  const cluster = box([[], ...pod], [seg(' cluster network ', 'dim')]);
  const arrow = arrowRight(line('no route', 'bad'), true);
  const drawing = wide ? row([you, cluster], [arrow], columns) : column([you, cluster], [arrow]);
  return [...drawing, blank, ...caption([seg('✗', 'bad'), seg(' A pod IP is private to the cluster: nothing outside can reach it.')], columns)];
}
