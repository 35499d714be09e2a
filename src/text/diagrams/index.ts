// Draws a lesson's diagram for a window width: a wide layout from 100 columns when it fits, stacked
// otherwise (five boxes in a row need more than four).
import type { Diagram } from '../../core/course/model.js';
import { lineWidth, type Line } from '../line.js';
import { requestPath } from './request-path.js';
import { serviceTypes } from './service-types.js';
import { threePorts } from './three-ports.js';
import { unreachablePod } from './unreachable-pod.js';
import type { PortNumbers } from './ports.js';

export const WIDE_COLUMNS = 100;

export function drawDiagram(diagram: Diagram, columns: number): Line[] {
  if (columns >= WIDE_COLUMNS) {
    const wide = draw(diagram, true, columns);
    if (wide.every((l) => lineWidth(l) <= columns)) return wide;
  }
  return draw(diagram, false, columns);
}

function draw(diagram: Diagram, wide: boolean, columns: number): Line[] {
  const ports: PortNumbers = { port: 80, targetPort: 80, ...diagram.ports };
  switch (diagram.name) {
    case 'unreachable-pod':
      return unreachablePod(wide, columns);
    case 'service-types':
      return serviceTypes(wide, ports, columns);
    case 'three-ports':
      return threePorts(wide, ports, columns);
    case 'request-path':
      return requestPath(wide, ports, columns);
  }
}
