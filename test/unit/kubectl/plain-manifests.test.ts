// The plain-manifest reader (src/core/kubectl/plain-manifests.ts) against the YAML parser it stands
// in for: for every text it accepts it must give what parseAllDocuments(...).toJS() gives.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { readPlainManifests } from '../../../src/core/kubectl/plain-manifests.js';
import { repoPath } from '../../helpers/fixtures.js';
import { runs } from '../../helpers/soak.js';

/** What the YAML parser makes of the text, empty documents left out (kubectl skips them). */
const parsed = (text: string) =>
  parseAllDocuments(text)
    .map((doc) => doc.toJS() as unknown)
    .filter((value) => value !== null && value !== undefined);
const read = (text: string) => readPlainManifests(text)?.filter((value) => value !== null && value !== undefined) ?? null;

function sameAsParser(text: string): boolean {
  const mine = read(text);
  if (mine === null) return true;
  const theirs = parseAllDocuments(text);
  if (theirs.some((doc) => doc.errors.length > 0)) return false;
  assert.deepEqual(mine, parsed(text), text);
  return true;
}

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  type: NodePort
  clusterIP: 10.96.0.10
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 8080
    nodePort: 30080
    protocol: TCP
    name: "http"
`;

describe('plain manifests read without the YAML parser', () => {
  it('reads a Service, a Pod list and several documents as the parser does', () => {
    const texts = [
      service,
      `---\n${service}---\n${service.replace('web', 'other')}`,
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      args:\n        - -c\n        - echo\n      ports:\n        -   containerPort: 80\n  restartPolicy: Never\n',
      '# a comment\napiVersion: v1\n\nkind: Pod  \nmetadata:\n  # inside\n  name: p\n  annotations:\n    note: \'a # not a comment\'\n    empty: ""\n    nothing:\n    tilde: ~\n    yes: yes\n    flag: true\n    zero: 0\n',
      'a: 1\n---\n---\nb: 2\n---\n',
    ];
    for (const text of texts) {
      assert.notEqual(read(text), null, `read directly: ${text}`);
      assert.deepEqual(read(text), parsed(text), text);
    }
  });

  it("reads the course's manifests as the parser does, and most of them directly", () => {
    const dir = repoPath('lessons/manifests');
    const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
    let direct = 0;
    for (const name of files) {
      const text = readFileSync(`${dir}/${name}`, 'utf8');
      const mine = read(text);
      if (mine === null) continue;
      direct++;
      assert.deepEqual(mine, parsed(text), name);
    }
    assert.ok(files.length > 0 && direct >= files.length / 2, `${direct} of ${files.length} read directly`);
  });

  it('leaves to the parser what it does not read: flow, anchors, tags, block scalars, escapes, odd numbers, duplicates, errors', () => {
    const texts = [
      'a: {b: 1}\n',
      'a: [1, 2]\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: "tab\\t"\n',
      'a: 1.5\n',
      'a: 0x1F\n',
      'a: 012\n',
      'a: -1\n',
      'a: .inf\n',
      'a: 1e3\n',
      'a: 1\na: 2\n',
      'a: b: c\n',
      'a:b\n',
      '- a\n',
      'a\n',
      'a: 1\n  b: 2\n',
      'a:\n\tb: 1\n',
      'a: 1\r\n',
      '%YAML 1.2\n---\na: 1\n',
      'a: 1\n...\n',
      'a: 1 # comment\n',
      '"a": 1\n',
      '? a\n: 1\n',
      'a:\n  - - 1\n',
      'true: 1\n',
      '__proto__: 1\n',
      'a: 99999999999999999\n',
      '--- !tag\na: 1\n',
      'a: "x" # c\n',
    ];
    for (const text of texts) assert.equal(readPlainManifests(text), null, JSON.stringify(text));
  });

  it('agrees with the parser on generated manifests, whenever it reads them', () => {
    // Mostly what manifests hold; now and then a word the parser must read.
    const word = fc.oneof(
      {
        weight: 60,
        arbitrary: fc.constantFrom(
          'web',
          'nginx:1.27',
          '80',
          '0',
          '10.96.0.10',
          'true',
          'False',
          'null',
          '~',
          'yes',
          'no',
          'on',
          'a b',
          '"8080"',
          "'x y'",
          '""',
          '$HOME',
          '-v',
          '--port=80',
          '.hidden',
          'e5',
          'http://x',
          'a,b',
          '30000',
          'NaN',
          'x:y',
          'a  b',
          '(x)',
          'TCP',
          'Infinity',
        ),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '1.5',
          '080',
          '-1',
          '.NaN',
          '+1',
          '12345678901234567',
          '1_000',
          'a: b',
          'x #y',
          '[1]',
          '"q\\"',
          '&a',
          '*a',
          '!t',
          '|',
          '- x',
          '#c',
        ),
      },
    );
    const key = fc.oneof(
      {
        weight: 20,
        arbitrary: fc.constantFrom('name', 'app', 'port', 'app.kubernetes.io/name', 'x-y', '_k', 'spec', 'a1', 'On', 'key', 'image', 'ports', 'labels'),
      },
      { weight: 1, arbitrary: fc.constantFrom('null', 'true', '1', 'a b') },
    );
    const entries = <T>(value: fc.Arbitrary<T>, maxLength: number) => fc.uniqueArray(fc.tuple(key, value), { minLength: 1, maxLength, selector: ([k]) => k });
    type Tree = { kind: 'word'; value: string } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'list'; items: Tree[] };
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        word.map((value) => ({ kind: 'word' as const, value })),
        entries(tie('tree'), 4).map((list) => ({ kind: 'map' as const, entries: list })),
        fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'list' as const, items })),
      ),
    })).tree;
    const style = fc.record({ indent: fc.constantFrom(2, 4), compact: fc.boolean(), comment: fc.boolean() });
    const render = (t: Tree, indent: number, s: { indent: number; compact: boolean; comment: boolean }): string[] => {
      const pad = ' '.repeat(indent);
      if (t.kind === 'map') {
        return t.entries.flatMap(([k, v]) => {
          if (v.kind === 'word') return [`${pad}${k}: ${v.value}`];
          const deeper = v.kind === 'list' && s.compact ? indent : indent + s.indent;
          return [`${pad}${k}:`, ...(s.comment ? [`${pad}# note`] : []), ...render(v, deeper, s)];
        });
      }
      if (t.kind === 'list') {
        return t.items.flatMap((item) => {
          if (item.kind === 'word') return [`${pad}- ${item.value}`];
          const inner = render(item, indent + 2, s);
          if (item.kind === 'map') return [`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1)];
          return [`${pad}-`, ...render(item, indent + s.indent, s)];
        });
      }
      return [`${pad}${t.value}`];
    };
    const root = entries(tree, 5).map((list) => ({ kind: 'map' as const, entries: list }));
    let readDirectly = 0;
    const total = runs(600);
    fc.assert(
      fc.property(fc.array(root, { minLength: 1, maxLength: 3 }), style, fc.boolean(), (docs, s, leadingMarker) => {
        const text = `${leadingMarker ? '---\n' : ''}${docs.map((d) => `${render(d, 0, s).join('\n')}\n`).join('---\n')}`;
        if (readPlainManifests(text) !== null) readDirectly++;
        return sameAsParser(text);
      }),
      { numRuns: total },
    );
    // About a fifth are plain enough to be read directly; a draw far below that means the reader gave up on them.
    assert.ok(readDirectly > total / 10, `${readDirectly} of ${total} generated manifests read directly`);
  });
});
