// The port numbers a diagram is drawn with, shared by every diagram (kept apart from the index
// that picks a diagram, so the diagrams do not import their own parent).

export interface PortNumbers {
  /** Absent when Kubernetes picks it (kubectl expose): drawn as "assigned". */
  readonly nodePort?: number;
  readonly port: number;
  readonly targetPort: number;
}

export const nodePortText = (ports: PortNumbers, unset = 'assigned'): string => (ports.nodePort === undefined ? unset : String(ports.nodePort));
