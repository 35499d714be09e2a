// The line the learner pastes to point their own kubectl at the lab: `export KUBECONFIG=` and the
// kubeconfig's path as a shell reads it (src/commands/serve/kubeconfig.ts, shellPath). Each line is
// run by the real shells here, with the learner's home, and must set KUBECONFIG to the very path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { shellPath } from '../../../src/commands/serve/kubeconfig.js';

const SHELLS = ['/bin/bash', '/bin/dash', '/bin/sh', '/usr/bin/zsh', '/usr/bin/fish'].filter((shell) => existsSync(shell));

/** What KUBECONFIG holds after `shell` runs the export line, with HOME set to `home`. */
function exported(shell: string, line: string, home: string): string {
  const run = spawnSync(shell, ['-c', `${line}\nprintf '%s' "$KUBECONFIG"`], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: home } });
  assert.equal(run.status, 0, `${shell}: ${run.stderr}`);
  return run.stdout;
}

const CASES: { readonly path: string; readonly home: string; readonly shown: string }[] = [
  { path: '/home/alice/.config/nodeport-lab/kubeconfig', home: '/home/alice', shown: '"$HOME/.config/nodeport-lab/kubeconfig"' },
  { path: '/home/alice/.config/nodeport-lab/kubeconfig', home: '/home/alice/', shown: '/home/alice/.config/nodeport-lab/kubeconfig' },
  { path: '/home/al ice/.config/nodeport-lab/kubeconfig', home: '/home/al ice', shown: '"$HOME/.config/nodeport-lab/kubeconfig"' },
  { path: '/srv/lab/kubeconfig', home: '/home/alice', shown: '/srv/lab/kubeconfig' },
  { path: '/home/alicexyz/kubeconfig', home: '/home/alice', shown: '/home/alicexyz/kubeconfig' },
  { path: '/srv/my lab/kubeconfig', home: '/home/alice', shown: "'/srv/my lab/kubeconfig'" },
  { path: "/home/alice/bob's $lab/kubeconfig", home: '/home/alice', shown: `'/home/alice/bob'\\''s $lab/kubeconfig'` },
  { path: '/kubeconfig', home: '/', shown: '/kubeconfig' },
];

describe('the kubeconfig path the learner pastes', { skip: SHELLS.length === 0 ? 'no shell here to run the line' : false }, () => {
  for (const { path, home, shown } of CASES) {
    it(`${path} with HOME=${home} reads as ${shown}, and sets KUBECONFIG to the path in ${SHELLS.join(', ')}`, () => {
      const typed = shellPath(path, home);
      assert.equal(typed, shown);
      for (const shell of SHELLS) assert.equal(exported(shell, `export KUBECONFIG=${typed}`, home), path, shell);
    });
  }

  it('a kubeconfig in a Linux learner’s config folder fits a 60-column window', () => {
    const line = `export KUBECONFIG=${shellPath('/home/learner/.config/nodeport-lab/kubeconfig', '/home/learner')}`;
    assert.ok(line.length <= 60, `${line.length} columns: ${line}`);
  });
});
