// Tier: slow
// The Ink course on a real cluster, in a terminal of 80x24: the built CLI with `--cluster`, the
// real kubectl 1.32, and `nodeport-lab serve` standing in for the cluster (its clock running fast,
// so that pods start in a moment). The consent screen, then the course's own lesson screen: a do
// step's line runs through the real kubectl, its goal ticks from the state read through the API,
// the step's text quotes the real cluster's node port, and quitting leaves no namespace of ours.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { KUBECTL, realKubectl } from '../helpers/real-kubectl.js';
import { Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const NS = 'nodeport-lab-expose-imperatively';

describe(
  'the Ink course on a real cluster (serve standing in for it)',
  { skip: KUBECTL && existsSync(CLI) ? tmuxMissing() : 'needs kubectl 1.32 and a build (npm run build)' },
  () => {
    let server: RunningServer;
    const home = tempDir('nodeport-lab-real-ink-');
    const start = Date.now();

    before(async () => {
      server = await startServer({ seed: 11, port: 0, home: join(home, 'serve'), clock: () => start + (Date.now() - start) * 10, log: () => undefined });
    });
    after(async () => {
      await server.stop();
    });

    // Our namespaces that are not on their way out: a deleted namespace stays Terminating while the
    // namespace controller empties it, on the lab as on a real cluster.
    const ours = async (): Promise<string[]> => {
      const run = await realKubectl(
        [
          'get',
          'namespaces',
          '-l',
          'app.kubernetes.io/managed-by=nodeport-lab',
          '-o',
          'jsonpath={range .items[*]}{.metadata.name} {.status.phase}{"\\n"}{end}',
        ],
        server.kubeconfig,
      );
      assert.equal(run.code, 0, run.stderr);
      return run.stdout
        .split('\n')
        .filter((line) => line !== '' && !line.endsWith(' Terminating'))
        .map((line) => `namespace/${line.split(' ')[0] ?? ''}`);
    };
    const objects = async (kind: string): Promise<string> => (await realKubectl(['get', kind, '-n', NS, '-o', 'name'], server.kubeconfig)).stdout;

    it('consent, then a lesson whose do step is met through the real kubectl; Ctrl-C leaves no namespace of ours', async () => {
      const term = new Terminal(
        `node ${CLI} --cluster --lesson expose-imperatively`,
        { columns: 80, rows: 24 },
        { KUBECONFIG: server.kubeconfig, NODEPORT_LAB_HOME: join(home, 'lab'), PATH: process.env.PATH ?? '' },
      );
      try {
        await term.waitFor((t) => t.includes('Go on? [y/N]'));
        assert.match(term.screen(), /context {5}nodeport-lab/);
        assert.deepEqual(await ours(), []);
        term.keys('y', 'Enter');
        // The course's own screen, on the lesson's first do step; the prompt opens once the setup has run.
        await term.waitFor((t) => t.includes('Expose the pod with one command') && /^\$\s*$/m.test(t));
        assert.deepEqual(await ours(), [`namespace/${NS}`]);
        assert.match(await objects('pods'), /pod\/my-first-pod/);
        assert.doesNotMatch(await objects('services'), /my-first-service/);
        // reset at the prompt: the namespace made again, with nothing in it but the lesson's setup.
        term.keys('kubectl run stray --image nginx', 'Enter');
        await term.waitFor((t) => t.includes('pod/stray created') && /^\$\s*$/m.test(t));
        term.keys('reset', 'Enter');
        await term.waitFor((t) => t.includes(`Namespace ${NS} made again`) && /^\$\s*$/m.test(t), 60000);
        assert.match(await objects('pods'), /^pod\/my-first-pod\n$/);
        term.keys('kubectl expose pod my-first-pod --type=NodePort --port 80 --name my-first-service', 'Enter');
        const met = await term.waitFor((t) => t.includes('Goal reached'));
        // The real kubectl's own answer, in the course's terminal pane.
        assert.match(met, /service\/my-first-service exposed/);
        // The goal ticked from the state read through the API.
        assert.match(met.replace(/\s+/g, ' '), /✓ a NodePort service named my-first-service, port 80, targetPort 80, selecting my-first-pod/);
        assert.doesNotMatch(met, /○ a NodePort service/);
        assert.match(await objects('services'), /service\/my-first-service/);
        // The next step quotes the node port the real cluster gave, not one from the simulator.
        const nodePort = (await realKubectl(['get', 'service', 'my-first-service', '-n', NS, '-o', 'jsonpath={.spec.ports[0].nodePort}'], server.kubeconfig))
          .stdout;
        assert.match(nodePort, /^3\d{4}$/);
        term.keys('Enter');
        const next = await term.waitFor((t) => t.includes('Who picks the node port?'));
        assert.match(next.replace(/\s+/g, ' '), new RegExp(`in your cluster, ${nodePort}\\.`));
        // On to the step that asks for a curl: under its goal, the URL that answers from this
        // machine on this flavour (serve opens node ports on 127.0.0.1), without typing reach.
        term.keys('Right');
        await term.waitFor((t) => /Find the node port/i.test(t) && /^\$\s*$/m.test(t));
        term.keys('kubectl get svc', 'Enter');
        // The step's own text quotes 80:<nodePort>/TCP and the prompt is empty until the keys are
        // read: only the real kubectl's table row says the line ran and the prompt is open again.
        await term.waitFor((t) => new RegExp(`^my-first-service +NodePort +\\S+ +<none> +80:${nodePort}/TCP`, 'm').test(t) && /^\$\s*$/m.test(t));
        term.keys('kubectl describe svc my-first-service', 'Enter');
        await term.waitFor((t) => t.includes('Goal reached'));
        term.keys('Enter');
        const open = await term.waitFor((t) => t.includes('From here:') && /^\$\s*$/m.test(t));
        assert.match(open, new RegExp(`From here: curl http://127\\.0\\.0\\.1:${nodePort} \\(my-first-service\\)`));
        term.keys(`curl http://127.0.0.1:${nodePort}`, 'Enter');
        const answered = await term.waitFor((t) => t.includes('Goal reached'));
        assert.match(answered, /✓ you have reached the app through my-first-service with curl/);
        term.keys('C-c');
        assert.equal((await term.exited()).code, 0);
        assert.match(term.screen(), new RegExp(`namespace/${NS} deleted`));
      } finally {
        term.close();
      }
      assert.deepEqual(await ours(), []);
    });
  },
);
