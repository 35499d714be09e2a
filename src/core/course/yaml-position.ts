// Finding where a path (like steps[2].file) sits in a parsed YAML document.
import type { Document, LineCounter, Node } from 'yaml';
import { yaml } from '../yaml.js';

export type PathKey = string | number;

export interface Position {
  readonly line: number;
  readonly col: number;
}

/** Splits `spec.ports[0].nodePort` into ['spec', 'ports', 0, 'nodePort']; null when malformed. */
export function parseFieldPath(path: string): PathKey[] | null {
  const segment = String.raw`[A-Za-z_][\w-]*(\[\d+\])*`;
  if (!new RegExp(`^${segment}(\\.${segment})*$`).test(path)) return null;
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

interface Located {
  /** The node found, when the whole path exists. */
  readonly node: Node | null;
  /** The offset to report: the key of the last existing field, or the closest container. */
  readonly offset: number;
  readonly found: boolean;
}

/** Walks a document along a path; reports the key's place when found, else the deepest container's. */
export function locate(doc: Document, path: readonly PathKey[]): Located {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  const { isMap, isPair, isScalar, isSeq } = yaml();
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return { node: null, offset, found: false };
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) return { node: null, offset, found: false };
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      return { node: null, offset, found: false };
    }
  }
  return { node: (node as Node | null) ?? null, offset, found: true };
}

/** The place of a value (rather than its key), for "this value is wrong" messages. */
export function valueOffset(doc: Document, path: readonly PathKey[]): number {
  const at = locate(doc, path);
  return (at.found ? rangeStart(at.node) : undefined) ?? at.offset;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    return range?.[0];
  }
  return undefined;
}

export function position(counter: LineCounter, offset: number): Position {
  const { line, col } = counter.linePos(offset);
  return { line, col };
}
