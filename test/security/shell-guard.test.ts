// A cluster far bigger than any lesson's, and a command that throws: the sandbox answers with an
// error line and goes on, as it does for kubectl.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Service } from '../../src/core/cluster/index.js';
import { runLine, type ShellState } from '../../src/core/shell/shell.js';
import { repoPath } from '../helpers/fixtures.js';
import { files, session } from '../unit/shell/helpers.js';
import { SOAK } from '../helpers/soak.js';

/** The session's cluster with `count` ClusterIP services like `web` (no endpoints: each rejects). */
function manyServices(count: number): ShellState {
  const { run, state } = session();
  run('kubectl create service clusterip web --tcp=80:8080');
  const base = state();
  const web = base.cluster.services.find((s) => s.metadata.name === 'web')!;
  const services: Service[] = [...base.cluster.services];
  for (let i = 0; i < count; i++) {
    const ip = `10.${96 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
    services.push({ ...web, metadata: { ...web.metadata, name: `web-${i}`, uid: `uid-${i}` }, spec: { ...web.spec, clusterIP: ip, clusterIPs: [ip] } });
  }
  return { ...base, cluster: { ...base.cluster, services } };
}

describe('every sandbox command survives what it is given', () => {
  // The aim is 50,000 services; the soak goes to 200,000.
  const count = SOAK ? 200_000 : 50_000;
  it(`iptables-save prints the rules of ${count.toLocaleString('en')} services`, { timeout: 120_000 }, () => {
    const last = count - 1;
    const ip = `10\\.${96 + (last >> 16)}\\.${(last >> 8) & 255}\\.${last & 255}`;
    const result = runLine(manyServices(count), 'iptables-save', files(), 1000);
    assert.equal(result.exitCode, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`KUBE-SERVICES -d ${ip}/32 -p tcp -m comment --comment "default/web-${last}:80-8080 has no endpoints"`));
  });

  it('a command that throws gives an error line and leaves the cluster as it was', () => {
    const state = session().state();
    const broken: ShellState = {
      ...state,
      cluster: new Proxy(state.cluster, {
        get(target, key, receiver) {
          if (key === 'services' || key === 'pods' || key === 'nodes') throw new RangeError('Maximum call stack size exceeded');
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
    };
    for (const line of ['iptables-save', 'curl http://203.0.113.11:30080', 'trace http://203.0.113.11:30080', 'firewall', 'nodes', 'kubectl get pods']) {
      const result = runLine(broken, line, files(), 1000);
      assert.equal(result.exitCode, 1, line);
      assert.match(result.stderr, /internal error in the simulated cluster: Maximum call stack size exceeded\n$/, line);
      assert.equal(result.stdout, '', line);
    }
  });

  it('no source spreads an array of unbounded length into a call', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((text, i) => {
              for (const call of text.matchAll(/\b(?:push|unshift|max|min|fromCharCode|fromCodePoint|apply)\(([^()]*?)\.\.\./g)) {
                // `...` inside an object or array literal among the arguments, or in a string, is no spread into the call.
                const before = (call[1] ?? '').replace(/`[^`]*`|'[^']*'|"[^"]*"/g, '');
                if (/[`'"]/.test(before)) continue;
                const count = (re: RegExp) => (before.match(re) ?? []).length;
                const open = count(/[{[]/g) - count(/[}\]]/g);
                if (open === 0) offenders.push(`${path}:${i + 1}: ${text.trim()}`);
              }
            });
        }
      }
    };
    // The cluster, kubectl, the shell, the trace and the lesson loader handle what a learner or a
    // lesson folder makes as large as it likes; the screens only what fits in a window.
    walk(repoPath('src/core'));
    walk(repoPath('src/commands'));
    assert.deepEqual(offenders, []);
  });
});
