// Draws a lesson's diagram for a window width: a wide layout at 100 columns and more, stacked below.
import type { Diagram } from '../../core/course/model.js';
import type { Line } from '../line.js';
import { requestPath } from './request-path.js';
import { serviceTypes } from './service-types.js';
import { threePorts } from './three-ports.js';
import { unreachablePod } from './unreachable-pod.js';

export const WIDE_COLUMNS = 100;

export interface PortNumbers {
  /** Absent when Kubernetes picks it (kubectl expose): drawn as "assigned". */
  readonly nodePort?: number;
  readonly port: number;
  readonly targetPort: number;
}

export function drawDiagram(diagram: Diagram, columns: number): Line[] {
  const wide = columns >= WIDE_COLUMNS;
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

export const nodePortText = (ports: PortNumbers, unset = 'assigned'): string => (ports.nodePort === undefined ? unset : String(ports.nodePort));
