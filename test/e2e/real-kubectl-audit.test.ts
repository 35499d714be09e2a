// Tier: slow
// The fidelity audit: every case of test/helpers/audit-cases.ts runs through the real kubectl 1.32
// against `nodeport-lab serve`, and through the sandbox's kubectl on the same cluster at the same
// moment; stdout, stderr and the exit status must be equal.
//
// What is normalised, and why: Google's "dispatcher" build of kubectl differs from upstream 1.32
// in three ways, and only those are undone. It prints cobra's `Error: ` and a blank line where
// upstream prints `error: ` once (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go, fatal); it
// reports a failure before the command runs (a required flag) through klog's `"command failed"
// err="..."` where upstream's kubectl.go prints `error: ...` (cmd/kubectl/kubectl.go,
// util.CheckErr); and it names its own build (v1.32.N-dispatcher). The client's patch release is
// the learner's own, so `Client Version` is compared up to it.
//
// The cluster's clock stands still while a case runs (the server's tables and the sandbox's then
// agree on every AGE); between cases it jumps to the wall clock, so that the ages kubectl itself
// computes in describe (from its own clock) agree too, up to the seconds kubectl took to run.
// While a real `kubectl delete` waits for what it deleted to go, the cluster's clock runs five
// times as fast as the wall clock, and it then leads the wall clock by seconds. So a case that
// waits lets its seconds pass on the cluster's clock, whatever its lead (a sleep alone would not
// move a clock that leads by more: a Deployment deleted a case before would still have its
// ReplicaSet for the sandbox, which the real kubectl's own ticking requests see collected), and a
// describe first sleeps the lead off, since kubectl computes its ages on the wall clock.
// NPL_AUDIT_REPORT=FILE writes every mismatch to FILE as well. NPL_SOAK=1 runs every case; without
// it, the short part marked `quick`.

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type RunningServer } from '../../src/commands/serve/index.js';
import { sandboxFiles } from '../../src/commands/sandbox-files.js';
import { advanceClock } from '../../src/core/cluster/index.js';
import { runKubectl, splitShellWords } from '../../src/core/kubectl/index.js';
import { apiServerUrl } from '../../src/core/kubectl/version.js';
import { AUDIT_CASES, AUDIT_FILES, type AuditCase } from '../helpers/audit-cases.js';
import { KUBECTL, realKubectl, type RealRun } from '../helpers/real-kubectl.js';
import { tempDir } from '../helpers/temp.js';

/** The dispatcher build's differences from upstream kubectl 1.32, and nothing more. */
export const upstream = (run: RealRun): RealRun => {
  let stderr = run.stderr.replace(
    /^E\d{4} [\d:.]+ +\d+ run\.go:\d+\] "command failed" err=("(?:[^"\\]|\\.)*")\n$/,
    (_all, quoted: string) => `error: ${JSON.parse(quoted) as string}\n`,
  );
  if (stderr.startsWith('Error: ')) stderr = `error: ${stderr.slice('Error: '.length).replace(/\n\n$/, '\n')}`;
  return { stdout: run.stdout.replace(/^Client Version: v1\.32\.\d+(-dispatcher)?$/m, 'Client Version: v1.32'), stderr, code: run.code };
};

/** The sandbox's client claims the cluster's own release; compared up to the patch release, as above. */
const samePatch = (stdout: string): string => stdout.replace(/^Client Version: v1\.32\.\d+$/m, 'Client Version: v1.32');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const READ_ONLY = /^(get|describe|logs|explain|api-resources|api-versions|version|cluster-info|config)\b/;

describe(
  'the fidelity audit: the sandbox and the real kubectl 1.32, case by case',
  { skip: KUBECTL ? false : 'no kubectl 1.32 client on this machine' },
  () => {
    let server: RunningServer;
    let frozen = Date.now();
    const dir = tempDir('nodeport-lab-audit-');
    const io = sandboxFiles(new Map(), dir);
    const report: string[] = [];

    before(async () => {
      for (const [name, text] of Object.entries(AUDIT_FILES)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      server = await startServer({ seed: 5, port: 0, home: dir, clock: () => frozen, log: () => undefined });
    });
    after(async () => {
      await server?.stop();
      if (process.env.NPL_AUDIT_REPORT) writeFileSync(process.env.NPL_AUDIT_REPORT, report.join('\n'));
    });

    async function compare(words: readonly string[]): Promise<{ real: RealRun; sim: RealRun }> {
      frozen = Math.max(frozen, Date.now());
      const live = server.cluster();
      const then = advanceClock(live, frozen - live.now);
      const simAt = (later: number): RealRun => {
        const r = runKubectl(later === 0 ? then : advanceClock(then, later), words, io);
        return { stdout: samePatch(r.stdout), stderr: r.stderr, code: r.exitCode };
      };
      const sim = simAt(0);
      // kubectl delete waits until a deleted pod has gone, once its container has stopped, and so
      // does kubectl replace --force before it creates the object again: the clock moves on while
      // it waits, as a real cluster's does.
      const waits = (words[0] === 'delete' && !words.includes('--wait=false')) || (words[0] === 'replace' && words.includes('--force'));
      const ticking = waits ? setInterval(() => (frozen += 100), 20) : undefined;
      const real = upstream(await realKubectl(words, server.kubeconfig, dir).finally(() => clearInterval(ticking)));
      // describe computes its ages on kubectl's own clock, somewhere between the case's start and
      // now (seconds on this loaded machine): the sandbox's describe at any of those seconds will do.
      if (words[0] === 'describe' && real.stdout !== sim.stdout) {
        const spent = Date.now() - frozen;
        for (let later = 1000; later <= spent + 1000; later += 1000) {
          const candidate = simAt(later);
          if (candidate.stdout === real.stdout) return { real, sim: candidate };
        }
      }
      return { real, sim };
    }

    /** The rows of a justified case as far as the lab can show them: the real rows' first and last words. */
    const rowKeys = (text: string): string[] =>
      text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => {
          const words = l.trim().split(/\s+/);
          return `${words[0] ?? ''} ${words[words.length - 1] ?? ''}`;
        });

    const runJustified = async (line: string, words: readonly string[], why: NonNullable<AuditCase['justified']>): Promise<void> => {
      const { real, sim } = await compare(words);
      assert.equal(sim.code, real.code, `exit status of kubectl ${line}`);
      assert.equal(sim.stderr, real.stderr, `stderr of kubectl ${line}`);
      if (why === 'lab-url') {
        assert.equal(sim.stdout, real.stdout.replaceAll(server.url, apiServerUrl(server.cluster())), `stdout of kubectl ${line}`);
        return;
      }
      const simRows = new Set(rowKeys(sim.stdout));
      const missing = rowKeys(real.stdout).filter((k) => !simRows.has(k));
      assert.deepEqual(missing, [], `rows of kubectl ${line} the sandbox lacks`);
      assert.ok(simRows.size >= rowKeys(real.stdout).length);
    };

    const run = async ({ line, wait, justified }: AuditCase): Promise<void> => {
      if (wait) {
        const until = frozen + wait * 1000;
        await sleep(wait * 1000);
        frozen = Math.max(frozen, until);
      }
      const split = splitShellWords(line);
      assert.ok(split.ok);
      if (split.words[0] === 'describe' && frozen > Date.now()) await sleep(frozen - Date.now());
      if (justified) return runJustified(line, split.words, justified);
      let result = await compare(split.words);
      // describe's ages come from kubectl's clock, which moved on while it ran: take it once more.
      for (let again = 0; again < 3 && READ_ONLY.test(line) && JSON.stringify(result.real) !== JSON.stringify(result.sim); again++)
        result = await compare(split.words);
      const { real, sim } = result;
      if (JSON.stringify(real) !== JSON.stringify(sim)) {
        report.push(`### kubectl ${line}\n--- real (${real.code})\n${real.stdout}${real.stderr}--- sandbox (${sim.code})\n${sim.stdout}${sim.stderr}`);
      }
      assert.equal(sim.stdout, real.stdout, `stdout of kubectl ${line}`);
      assert.equal(sim.stderr, real.stderr, `stderr of kubectl ${line}`);
      assert.equal(sim.code, real.code, `exit status of kubectl ${line}`);
    };

    // The whole audit takes minutes on a loaded machine: npm test runs its short part, npm run
    // test:soak (NPL_SOAK=1) all of it.
    const whole = process.env.NPL_SOAK === '1';
    for (const [i, auditCase] of AUDIT_CASES.entries()) {
      if (!whole && !auditCase.quick) continue;
      it(`${String(i + 1).padStart(3, '0')} kubectl ${auditCase.line}`, auditCase.todo ? { todo: auditCase.todo } : {}, () => run(auditCase));
    }
  },
);
