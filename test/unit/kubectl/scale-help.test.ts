// `kubectl scale --help` is kubectl 1.32's text, options included (--dry-run among them): compared
// whole with the real client (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go NewCmdScale).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KUBECTL, realKubectl } from '../../helpers/real-kubectl.js';
import { Session } from './helpers.js';
import { tempDir } from '../../helpers/temp.js';

describe('kubectl scale --help', () => {
  it('lists --dry-run with its three strategies', () => {
    const help = new Session(1).run('scale --help').stdout;
    assert.match(help, /\n {4}--dry-run='none':\n\tMust be "none", "server", or "client"\./);
    assert.ok(help.indexOf('--current-replicas=-1') < help.indexOf('--dry-run=') && help.indexOf('--dry-run=') < help.indexOf('-f, --filename=[]'));
  });

  it('is the real kubectl 1.32 text, byte for byte', { skip: KUBECTL ? false : 'no kubectl on PATH' }, async () => {
    // Help needs no server: an unreachable one is enough.
    const kubeconfig = join(tempDir('nodeport-lab-scale-help-'), 'config');
    writeFileSync(
      kubeconfig,
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:9"}\n  name: x\ncontexts:\n- context: {cluster: x, user: u}\n  name: x\ncurrent-context: x\nusers:\n- name: u\n  user: {}\n',
    );
    const real = await realKubectl(['scale', '--help'], kubeconfig);
    assert.equal(real.code, 0);
    assert.equal(new Session(1).run('scale --help').stdout, real.stdout);
  });
});
