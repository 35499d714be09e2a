// A manifest step at 80x24: on its last field, the note and the "Field n of n" line are in view,
// so a learner who walks the fields with ↓ sees the walk end, not a "↓ more" that ↓ no longer moves.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
  labels:
    app: myapp
spec:
  containers:
    - name: myapp
      image: stacksimplify/kubenginx:1.0.0
      ports:
        - containerPort: 80
`;

const LONG = 'A note long enough to take several rows of the window, as the notes of the course do when they explain a field. '.repeat(4).trim();

const LESSON = `format: 1
id: walk-fields
title: Walk the fields
summary: A manifest and its fields.
steps:
  - id: fields
    kind: manifest
    title: The pod in YAML
    text: |
      A paragraph before the manifest, to take some rows of the window as the course's own text does.

      Walk through its fields.
    file: pod.yml
    fields:
      - path: apiVersion
        note: The API version.
      - path: metadata.name
        note: The name.
      - path: spec.containers[0].ports[0].containerPort
        note: LAST-NOTE ${LONG} END-OF-NOTE
`;

describe('the last field of a manifest, in view', { skip: tmuxMissing() }, () => {
  const terms: Terminal[] = [];
  after(() => terms.forEach((t) => t.close()));

  it('80x24: walking to the last field shows its whole note and the field count, with nothing more below', async () => {
    const dir = tempDir('npl-fields-');
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, 'manifests', 'pod.yml'), MANIFEST);
    writeFileSync(join(dir, '01-walk-fields.yml'), LESSON);
    const term = new Terminal(`node ${CLI} --lessons ${dir} --seed 2`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: tempDir('npl-home-') });
    terms.push(term);
    await term.waitFor((s) => s.includes('Walk the fields'));
    term.keys('Enter');
    await term.waitFor((s) => s.includes('The pod in YAML') && s.includes('The API version.'));
    term.keys('Down');
    await term.waitFor((s) => s.includes('The name.'));
    term.keys('Down');
    const last = await term.waitFor((s) => s.includes('LAST-NOTE'));
    assert.match(last, /END-OF-NOTE/, `the whole note is in view:\n${last}`);
    assert.match(last, /Field 3 of 3/, `the field count is in view:\n${last}`);
    assert.doesNotMatch(last, /↓ more/, `nothing is left below:\n${last}`);
  });
});
