// {{...}} in lesson text: values from the learner's own cluster, so no lesson ever asks for a
// port or an address the learner does not have. Unknown values read as a visible placeholder.
import { isControlPlane, visiblePodIP, type Cluster, type Node } from '../cluster/index.js';

interface Found {
  readonly start: number;
  readonly end: number;
  /** What is between the braces, without the spaces around it. */
  readonly expression: string;
}

/**
 * Every {{...}} holding no brace, in one pass over the text: what /\{\{\s*([^{}]*?)\s*\}\}/g
 * finds, without the regex's backtracking (cubic on a long line of spaces after "{{").
 */
function findTemplates(text: string): Found[] {
  const found: Found[] = [];
  let from = text.indexOf('{{');
  while (from !== -1) {
    let at = from + 2;
    while (at < text.length && text[at] !== '{' && text[at] !== '}') at++;
    if (at >= text.length) break;
    if (text[at] === '}' && text[at + 1] === '}') {
      found.push({ start: from, end: at + 2, expression: text.slice(from + 2, at).trim() });
      from = text.indexOf('{{', at + 2);
    } else {
      from = text.indexOf('{{', Math.max(from + 1, at - 1));
    }
  }
  return found;
}

/** The forms a template may take; lint checks every {{...}} against these. */
export const TEMPLATE_FORMS = [
  'service.NAME.nodePort',
  'service.NAME.port',
  'service.NAME.targetPort',
  'service.NAME.clusterIP',
  'pod.NAME.ip',
  'pod.NAME.node',
  'pod.NAME.nodeIP',
  'node.NAME.externalIP',
  'node.NAME.internalIP',
  'nodeIP',
] as const;

const FORM =
  /^(?:(service)\.([a-z0-9.-]+)\.(nodePort|port|targetPort|clusterIP)|(pod)\.([a-z0-9.-]+)\.(ip|node|nodeIP)|(node)\.([a-z0-9.-]+)\.(externalIP|internalIP)|(nodeIP))$/;

export function templateProblems(text: string): string[] {
  return findTemplates(text)
    .map((m) => m.expression)
    .filter((expression) => !FORM.test(expression))
    .map((expression) => `unknown template {{${expression}}} (known forms: ${TEMPLATE_FORMS.join(', ')})`);
}

export const hasTemplates = (text: string): boolean => text.includes('{{');

const address = (node: Node | undefined, type: 'ExternalIP' | 'InternalIP') => node?.status.addresses.find((a) => a.type === type)?.address;

function value(expression: string, cluster: Cluster): string | undefined {
  const m = FORM.exec(expression);
  if (!m) return undefined;
  if (m[1]) {
    const service = cluster.services.find((s) => s.metadata.name === m[2]);
    const port = service?.spec.ports[0];
    if (m[3] === 'clusterIP') return service?.spec.clusterIP;
    const v = port?.[m[3] as 'nodePort' | 'port' | 'targetPort'];
    return v === undefined ? undefined : String(v);
  }
  if (m[4]) {
    const pod = cluster.pods.find((p) => p.metadata.name === m[5]);
    if (!pod) return undefined;
    if (m[6] === 'ip') return visiblePodIP(pod, cluster.now);
    if (m[6] === 'node') return pod.spec.nodeName;
    return address(
      cluster.nodes.find((n) => n.metadata.name === pod.spec.nodeName),
      'ExternalIP',
    );
  }
  if (m[7])
    return address(
      cluster.nodes.find((n) => n.metadata.name === m[8]),
      m[9] === 'externalIP' ? 'ExternalIP' : 'InternalIP',
    );
  // nodeIP: a worker's external IP, the address the lecture sends its browser to.
  return address(
    cluster.nodes.find((n) => !isControlPlane(n) && address(n, 'ExternalIP') !== undefined),
    'ExternalIP',
  );
}

/** Fills every {{...}}; a value the cluster does not have yet reads as <nodePort of my-first-service>. */
export function fillTemplates(text: string, cluster: Cluster | undefined): string {
  if (!hasTemplates(text)) return text;
  const pieces: string[] = [];
  let kept = 0;
  for (const { start, end, expression } of findTemplates(text)) {
    const found = cluster ? value(expression, cluster) : undefined;
    const parts = expression.split('.');
    pieces.push(text.slice(kept, start), found ?? (parts.length === 3 ? `<${parts[2]} of ${parts[1]}>` : `<${expression}>`));
    kept = end;
  }
  pieces.push(text.slice(kept));
  return pieces.join('');
}
