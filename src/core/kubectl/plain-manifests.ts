// Most manifests are written in a small part of YAML: block maps and sequences of plain words,
// numbers and simply quoted strings. This reads exactly that part, line by line, and gives up
// (null) on anything else, so the YAML parser reads every other text. Applying a file of 1,000
// Services went from 3/4 YAML parsing to a fifth (bench/README.md: scaling). It must give the
// YAML parser's own result for every text it accepts: test/unit/kubectl/plain-manifests.test.ts
// holds it to that on generated manifests.

interface Row {
  readonly indent: number;
  readonly text: string;
}

/** Thrown inside the reader when the text leaves the small part it reads; caught at the top. */
class NotPlain extends Error {}

const KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
const PLAIN = /^(?:[A-Za-z0-9_./$]|--?[A-Za-z])[A-Za-z0-9_./:@=+,~$ ()-]*$/;
const NOT_A_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;

/** A scalar as the YAML 1.2 core schema resolves it, or NotPlain where that needs the real parser. */
function scalar(raw: string): unknown {
  const text = raw.trimEnd();
  if (text.length >= 2 && text[0] === '"' && text.endsWith('"')) {
    const inner = text.slice(1, -1);
    if (/["\\]/.test(inner)) throw new NotPlain();
    return inner;
  }
  if (text.length >= 2 && text[0] === "'" && text.endsWith("'")) {
    const inner = text.slice(1, -1);
    if (inner.includes("'")) throw new NotPlain();
    return inner;
  }
  if (/^(?:~|null|Null|NULL)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(text)) return Number(text);
  // An address (two dots or more) is no number: a string.
  if (/^[0-9]+(?:\.[0-9]+){2,}$/.test(text)) return text;
  // Any other number, infinity or NaN: the parser knows the forms.
  if (/^[-+.0-9]/.test(text) && /^[-+]?(?:\.[0-9]|[0-9])/.test(text) && /^[-+0-9.eExXoOa-fA-F_]+$/.test(text)) throw new NotPlain();
  if (/^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(text)) throw new NotPlain();
  if (!PLAIN.test(text) || text.endsWith(':') || text.includes(': ') || text.includes(' #')) throw new NotPlain();
  return text;
}

const isItem = (row: Row | undefined): boolean => row !== undefined && (row.text === '-' || row.text.startsWith('- '));

class Reader {
  at = 0;
  constructor(private readonly rows: Row[]) {}

  /** The block that starts at `at`, at whatever indentation it has. */
  private block(): unknown {
    const row = this.rows[this.at]!;
    return isItem(row) ? this.sequence(row.indent) : this.map(row.indent);
  }

  /** What follows `key:` or `-` with nothing after it: a deeper block, a sequence at the key's own indentation, or null. */
  private nested(indent: number, sequenceHere: boolean): unknown {
    const next = this.rows[this.at];
    if (next && next.indent > indent) return this.block();
    if (sequenceHere && next && next.indent === indent && isItem(next)) return this.sequence(indent);
    return null;
  }

  map(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let row = this.rows[this.at]; row && row.indent === indent && !isItem(row); row = this.rows[this.at]) {
      const colon = row.text.indexOf(':');
      if (colon <= 0) throw new NotPlain();
      const key = row.text.slice(0, colon);
      const rest = row.text.slice(colon + 1);
      if (!KEY.test(key) || NOT_A_STRING_KEY.test(key) || Object.hasOwn(out, key)) throw new NotPlain();
      if (rest !== '' && rest[0] !== ' ') throw new NotPlain();
      this.at++;
      const value = rest.trim();
      out[key] = value === '' ? this.nested(indent, true) : scalar(value);
    }
    const left = this.rows[this.at];
    if (left && left.indent > indent) throw new NotPlain();
    return out;
  }

  sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let row = this.rows[this.at]; row && row.indent === indent && isItem(row); row = this.rows[this.at]) {
      const after = row.text.slice(1);
      const content = after.trimStart();
      if (content === '') {
        this.at++;
        out.push(this.nested(indent, false));
        continue;
      }
      if (content === '-' || content.startsWith('- ')) throw new NotPlain();
      const colon = content.indexOf(':');
      if (colon > 0 && (content[colon + 1] === undefined || content[colon + 1] === ' ') && KEY.test(content.slice(0, colon))) {
        // `- key: value`: a map whose keys line up with this first one.
        this.rows[this.at] = { indent: indent + 1 + (after.length - content.length), text: content };
        out.push(this.map(this.rows[this.at]!.indent));
        continue;
      }
      this.at++;
      out.push(scalar(content));
    }
    const left = this.rows[this.at];
    if (left && left.indent > indent) throw new NotPlain();
    return out;
  }

  /** A whole document: a map at the left margin, or null when it has nothing in it. */
  document(): unknown {
    if (this.rows.length === 0) return null;
    const first = this.rows[0]!;
    if (first.indent !== 0 || isItem(first)) throw new NotPlain();
    const value = this.map(0);
    if (this.at !== this.rows.length) throw new NotPlain();
    return value;
  }
}

/**
 * The documents of a manifest file, each as the YAML parser's toJS() would give it (null for an
 * empty one), or null when the text uses any YAML beyond block maps, sequences and plain scalars.
 */
export function readPlainManifests(text: string): unknown[] | null {
  if (/[\t\r]/.test(text) || text.startsWith('\ufeff')) return null;
  const documents: unknown[] = [];
  let rows: Row[] = [];
  let started = false;
  const finish = () => {
    documents.push(new Reader(rows).document());
    rows = [];
  };
  try {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '---' || line.startsWith('--- ') || line.startsWith('---#')) {
        if (line !== '---') return null;
        // A marker before any content starts the first document; any later one ends the one before.
        if (started || rows.length > 0) finish();
        started = true;
        continue;
      }
      if (line.startsWith('...') || line.startsWith('%')) return null;
      const text = line.trimStart();
      if (text === '' || text.startsWith('#')) continue;
      rows.push({ indent: line.length - text.length, text: text.trimEnd() });
    }
    finish();
  } catch (error) {
    if (error instanceof NotPlain) return null;
    throw error;
  }
  return documents;
}
