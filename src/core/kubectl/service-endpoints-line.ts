// describe service's `Endpoints:` line for one service port, as kubectl 1.32 writes it from the
// service's EndpointSlices (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// formatEndpointSlices): the slices in the order the API lists them, each slice's ready
// endpoints in the slice's own order, as IP:port for the slice port of the same name, three at
// most, then "+ N more...". kubectl notes that there are more as soon as it meets a fourth
// endpoint, ready or not, and counts only the ready ones: three ready endpoints followed by a
// not-ready one read "+ 0 more...". No slice at all reads <none>.

import type { EndpointSlice } from '../cluster/index.js';

const MAX = 3;

export function formatSliceEndpoints(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const take = (text: string, ready: boolean): void => {
    if (list.length === MAX) more = true;
    if (!ready) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    if (slice.ports.length === 0) {
      for (const e of slice.endpoints) take(e.address, e.ready);
      continue;
    }
    for (const port of slice.ports) {
      if (port.name !== portName) continue;
      for (const e of slice.endpoints) take(`${e.address}:${port.port}`, e.ready);
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - MAX} more...` : text;
}
