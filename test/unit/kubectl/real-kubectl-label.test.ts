// Tier: slow (a table of cases against the real kubectl 1.32, as the files named real-kubectl-* are)
// kubectl label and the NotFound lines of get/describe/delete, against the real kubectl 1.32
// client talking to a fake API server that serves our own pods (label.go parseLabels,
// GetResourcesAndPairs, updateDataChangeMsg; get.go returns the aggregate of what it could not
// find after the table). Changes are compared with --dry-run=client, which the fake server allows.

import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { chunksOf } from '../../../src/core/shell/result.js';
import { KUBECTL, realKubectl, startFakeApi } from './fake-api.js';
import { Session } from './helpers.js';
import { spread } from '../../helpers/soak.js';

const upstreamStyle = (text: string): string => text.replace(/^E\d{4} .*\n/gm, '').replace(/^Error: /, 'error: ');

describe('kubectl label and NotFound order, against a real kubectl 1.32', { skip: KUBECTL ? false : 'no kubectl on PATH' }, () => {
  let server: Server | undefined;
  let kubeconfig = '';
  const session = new Session(5);

  before(async () => {
    session.run('run lw --image=nginx --labels=run=lw,tier=web');
    session.run('run other --image=nginx');
    session.wait(5);
    const started = await startFakeApi(() => session.cluster);
    server = started.server;
    kubeconfig = started.kubeconfig;
  });

  after(() => {
    server?.close();
  });

  const cases = [
    'label pod lw a=b=c',
    'label pod lw a=Bad_Value!',
    'label pod lw foo',
    'label pod lw a=b a-',
    'label pod lw a=b pod',
    'label pod lw',
    'label pod lw run=x',
    'label pod lw run=x tier=y',
    'label pod lw run=x --overwrite --dry-run=client',
    'label pod lw run- --dry-run=client',
    'label pod lw run- --overwrite --dry-run=client',
    'label pod lw run=lw --dry-run=client',
    'label pod lw zzz- --dry-run=client',
    'label pod lw a=b tier- --dry-run=client',
    'label pod lw,nope a=b',
    'label pods lw nope other a=b --dry-run=client',
    'label pod/lw pod/other x=y --dry-run=client',
    'label pod lw other a=b --resource-version=1',
    'label pod lw --list',
    'label pod lw --list -o yaml',
    'get pod nope1 lw nope2 -o name',
    'get pods nope1 nope2',
    'describe pod nope1 nope2',
    'get pods nope1 nope2 --ignore-not-found',
    'get pod nope1 lw --ignore-not-found -o name',
    'get pod nope --ignore-not-found',
  ];
  for (const line of spread(cases)) {
    it(`kubectl ${line}`, async () => {
      const real = await realKubectl(line.split(' '), kubeconfig);
      const sim = session.run(line);
      // Go visits a map in random order: --list's labels and several refusals may come in any order.
      const lines = (t: string) => t.split('\n').sort().join('\n');
      if (line.includes('--list')) assert.equal(lines(sim.stdout), lines(real.stdout));
      else assert.equal(sim.stdout, real.stdout);
      assert.equal(lines(sim.stderr), lines(upstreamStyle(real.stderr)));
      assert.equal(sim.exitCode === 0, real.code === 0);
    });
  }

  it('get prints the table first and the names it could not find after it', () => {
    const chunks = chunksOf(session.run('get pod nope1 lw nope2'));
    assert.equal(chunks[0]?.stream, 'stdout');
    assert.match(chunks[0]?.text ?? '', /^NAME/);
    assert.deepEqual(
      chunks.slice(1).map((c) => c.text),
      ['Error from server (NotFound): pods "nope1" not found\n', 'Error from server (NotFound): pods "nope2" not found\n'],
    );
  });

  it('a label removal the server makes names a missing key on stdout, then says "not labeled" (label.go RunLabel)', () => {
    const result = session.run('label pod lw zzz-');
    assert.equal(result.stdout, 'label "zzz" not found.\npod/lw not labeled\n');
    assert.equal(result.exitCode, 0);
  });
});
