// Protocol Buffers' wire format, read only as far as Kubernetes' protobuf bodies need: kubectl's
// typed clients (`kubectl create service ...`) send `application/vnd.kubernetes.protobuf`, a `k8s\0`
// magic followed by a runtime.Unknown envelope (apimachinery pkg/runtime/serializer/protobuf).

export interface WireField {
  readonly number: number;
  /** 0: varint, 2: bytes (strings, messages, maps); 1 and 5 (fixed) are skipped. */
  readonly wireType: number;
  readonly varint?: bigint;
  readonly bytes?: Uint8Array;
}

export class WireError extends Error {}

/** The fields of one message, in order; nested messages stay bytes until read. */
export function readFields(data: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let at = 0;
  const varint = (): bigint => {
    let value = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (at >= data.length) throw new WireError('truncated varint');
      const byte = data[at++] as number;
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7n;
    }
    throw new WireError('varint too long');
  };
  while (at < data.length) {
    const key = varint();
    const number = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (number === 0) throw new WireError('field number 0');
    if (wireType === 0) fields.push({ number, wireType, varint: varint() });
    else if (wireType === 2) {
      const length = Number(varint());
      if (length < 0 || at + length > data.length) throw new WireError('truncated field');
      fields.push({ number, wireType, bytes: data.subarray(at, at + length) });
      at += length;
    } else if (wireType === 1) at += 8;
    else if (wireType === 5) at += 4;
    else throw new WireError(`wire type ${wireType}`);
    if (at > data.length) throw new WireError('truncated field');
  }
  return fields;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

export const text = (f: WireField): string => (f.bytes ? decoder.decode(f.bytes) : '');
export const int = (f: WireField): number => Number(BigInt.asIntN(64, f.varint ?? 0n));

/** A map<string,string> field's entries (each an entry message of key=1, value=2). */
export function mapEntries(fields: readonly WireField[], number: number): Record<string, string> | undefined {
  const entries = fields.filter((f) => f.number === number && f.bytes);
  if (entries.length === 0) return undefined;
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const entry of entries) {
    const inner = readFields(entry.bytes as Uint8Array);
    const key = inner.find((f) => f.number === 1);
    const value = inner.find((f) => f.number === 2);
    if (key) out[text(key)] = value ? text(value) : '';
  }
  return { ...out };
}

const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** Opens the `k8s\0` envelope: the object's apiVersion, kind and raw message. */
export function unwrap(body: Uint8Array): { apiVersion: string; kind: string; raw: Uint8Array } {
  if (body.length < 4 || MAGIC.some((b, i) => body[i] !== b)) throw new WireError('no k8s protobuf magic');
  const fields = readFields(body.subarray(4));
  const typeMeta = fields.find((f) => f.number === 1);
  const raw = fields.find((f) => f.number === 2)?.bytes ?? new Uint8Array();
  const meta = typeMeta?.bytes ? readFields(typeMeta.bytes) : [];
  const apiVersion = meta.find((f) => f.number === 1);
  const kind = meta.find((f) => f.number === 2);
  return { apiVersion: apiVersion ? text(apiVersion) : '', kind: kind ? text(kind) : '', raw };
}
