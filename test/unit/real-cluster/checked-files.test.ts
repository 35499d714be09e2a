// The checked text handed to kubectl: the guard says where each -f value sits in the line, and the
// copies replace exactly those words (every spelling of -f, comma lists), privately, and go away.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { handChecked, type Checked } from '../../../src/commands/real-cluster/checked-files.js';
import { guardKubectl } from '../../../src/core/real-cluster/ownership.js';
import { tempDir } from '../../helpers/temp.js';

const NS = 'nodeport-lab-sandbox';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const texts: Record<string, Checked> = {
  'web.yml': { kind: 'file', text: POD },
  'a.yml': { kind: 'file', text: POD.replace('web', 'a') },
  'b.yml': { kind: 'file', text: POD.replace('web', 'b') },
  'app/': { kind: 'folder', manifests: [{ name: 'one.yml', text: POD.replace('web', 'one') }] },
};
const read = (path: string) => {
  const found = texts[path];
  return found === undefined ? undefined : found.kind === 'file' ? found.text : found.kind === 'folder' ? found.manifests.map((m) => m.text) : undefined;
};

function guarded(line: string) {
  const got = guardKubectl(line.split(' '), NS, read);
  assert.ok(got.ok, got.ok ? '' : got.message);
  return got;
}

describe('the checked text handed to kubectl', () => {
  for (const [line, word, prefix] of [
    ['apply -f web.yml', 3, ''],
    ['apply --filename=web.yml', 2, '--filename='],
    ['apply -fweb.yml', 2, '-f'],
    ['apply -f=web.yml', 2, '-f='],
    ['apply --filename web.yml --dry-run=client', 3, ''],
  ] as const) {
    it(`${line}: the guard points at the word holding the file, after --namespace`, () => {
      const g = guarded(line);
      assert.deepEqual(g.files, [{ word, prefix, paths: ['web.yml'] }]);
      assert.equal(g.args[word], `${prefix}web.yml`);
    });
  }

  it('a comma list is every file in it, each checked; a quoted value is refused', () => {
    assert.deepEqual(guarded('apply -f a.yml,b.yml').files, [{ word: 3, prefix: '', paths: ['a.yml', 'b.yml'] }]);
    const bad = guardKubectl(['apply', '-f', '"a.yml,b.yml"'], NS, read);
    assert.equal(bad.ok, false);
    const empty = guardKubectl(['apply', '-f', 'a.yml,'], NS, read);
    assert.equal(empty.ok, false, 'an empty name in the list is refused');
  });

  it('writes private copies of the checked text and rewrites the words to them; names map back; dispose removes them', () => {
    const root = join(tempDir('npl-checked-'), 'checked');
    const g = guarded('apply -f a.yml,b.yml --filename=app/ -f gone.yml');
    const handed = handChecked(g.args, g.files, (p) => texts[p], root);
    const [first, second] = handed.args[3]!.split(',');
    assert.equal(readFileSync(first!, 'utf8'), POD.replace('web', 'a'));
    assert.equal(readFileSync(second!, 'utf8'), POD.replace('web', 'b'));
    assert.ok(handed.args[4]!.startsWith('--filename='));
    const folder = handed.args[4]!.slice('--filename='.length);
    assert.deepEqual(readdirSync(folder), ['one.yml']);
    const gone = handed.args[6]!;
    assert.ok(!existsSync(gone), 'a path that was missing at the check stays missing');
    assert.equal(statSync(first!).mode & 0o777, 0o600);
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    assert.equal(statSync(root).mode & 0o077, 0, 'no one else may enter the copies');
    assert.equal(
      handed.named(`error when creating "${second}": x\nerror parsing ${join(folder, 'one.yml')}\nthe path "${gone}" does not exist`),
      'error when creating "b.yml": x\nerror parsing app/one.yml\nthe path "gone.yml" does not exist',
    );
    handed.dispose();
    assert.deepEqual(readdirSync(root), []);
  });

  it('a line without -f runs as the guard gave it', () => {
    const g = guarded('get pods');
    const handed = handChecked(g.args, g.files, () => undefined, join(tmpdir(), 'never-made'));
    assert.deepEqual(handed.args, [`--namespace=${NS}`, 'get', 'pods']);
    assert.ok(!existsSync(join(tmpdir(), 'never-made')));
  });
});
