// Two lab servers side by side from one config folder, with the real kubectl 1.32: each writes a
// kubeconfig and context of its own (`kubeconfig`/`nodeport-lab`, `kubeconfig-2`/`nodeport-lab-2`),
// each kubectl sees only its own cluster, and stopping one removes only its own file. A kubeconfig
// left behind by a server that is gone is taken over.

import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { kubeconfigText } from '../../src/commands/serve/kubeconfig.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

describe('serve: two servers at once', { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' }, () => {
  const home = tempDir('nodeport-lab-two-');
  const running: RunningServer[] = [];
  const start = async (seed: number): Promise<RunningServer> => {
    const server = await startServer({ seed, port: 0, home, log: () => {} });
    running.push(server);
    return server;
  };

  after(async () => {
    for (const server of running) await server.stop();
  });

  it('each has its own kubeconfig and context; kubectl against each sees its own cluster', async () => {
    const first = await start(51);
    const second = await start(52);
    assert.equal(first.kubeconfig, join(home, 'kubeconfig'));
    assert.equal(first.context, 'nodeport-lab');
    assert.equal(second.kubeconfig, join(home, 'kubeconfig-2'));
    assert.equal(second.context, 'nodeport-lab-2');
    assert.equal((await realKubectl(['config', 'current-context'], second.kubeconfig)).stdout, 'nodeport-lab-2\n');
    assert.equal((await realKubectl(['run', 'only-in-first', '--image=nginx'], first.kubeconfig)).code, 0);
    const inFirst = await realKubectl(['get', 'pods', '-o', 'name'], first.kubeconfig);
    const inSecond = await realKubectl(['get', 'pods', '-o', 'name'], second.kubeconfig);
    assert.equal(inFirst.stdout, 'pod/only-in-first\n');
    assert.equal(inSecond.stdout, '');
    assert.equal(inSecond.code, 0);
    // Both kubeconfigs at once, as a learner might merge them: one context each.
    const contexts = await realKubectl(['config', 'get-contexts', '-o', 'name'], `${first.kubeconfig}:${second.kubeconfig}`);
    assert.deepEqual(contexts.stdout.trim().split('\n').sort(), ['nodeport-lab', 'nodeport-lab-2']);

    await first.stop();
    running.splice(running.indexOf(first), 1);
    assert.equal(existsSync(first.kubeconfig), false, 'the first server removed its own kubeconfig');
    assert.equal(existsSync(second.kubeconfig), true, 'and left the second one’s');
    assert.equal((await realKubectl(['get', 'ns', 'default', '-o', 'name'], second.kubeconfig)).stdout, 'namespace/default\n');

    // A third server takes the free name again; the second keeps its own.
    const third = await start(53);
    assert.equal(third.kubeconfig, join(home, 'kubeconfig'));
    await second.stop();
    running.splice(running.indexOf(second), 1);
    assert.equal(existsSync(second.kubeconfig), false);
    assert.equal(existsSync(third.kubeconfig), true);
  });

  it('a kubeconfig whose server is gone is taken over; stopping leaves a file another server rewrote', async () => {
    const stale = tempDir('nodeport-lab-stale-');
    // Port 9 (discard) answers nothing on the loopback: a server that did not stop cleanly.
    writeFileSync(join(stale, 'kubeconfig'), kubeconfigText('http://127.0.0.1:9'));
    const server = await startServer({ seed: 54, port: 0, home: stale, log: () => {} });
    assert.equal(server.kubeconfig, join(stale, 'kubeconfig'));
    assert.match(readFileSync(server.kubeconfig, 'utf8'), new RegExp(`server: ${server.url}\n`));
    // Someone else's server now holds the name: stopping must not remove it.
    writeFileSync(server.kubeconfig, kubeconfigText('http://127.0.0.1:1'));
    await server.stop();
    assert.equal(existsSync(server.kubeconfig), true);
  });
});
