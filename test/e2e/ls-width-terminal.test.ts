// ls in the sandbox lays its columns out for the window it runs in, as GNU ls does on a terminal:
// at 60 columns the rows are those of the real `ls -C -w 60` on the same names, none cut or
// folded by the window; at 120 columns they are as wide as `ls -C -w 120` makes them.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const OWN = ['my-pod.yml', 'my-service.yml', 'nodeport-31231.yml', 'web-deployment.yml', 'notes-for-later.txt'];

function folderWith(names: readonly string[]): string {
  const dir = tempDir('npl-ls-');
  for (const name of names) writeFileSync(join(dir, name), 'kind: Pod\n');
  return dir;
}

describe('ls at the width of the window', { skip: tmuxMissing() }, () => {
  const terms: Terminal[] = [];
  after(() => terms.forEach((t) => t.close()));
  const folder = folderWith(OWN);
  // Every name the sandbox lists there: the course's manifests and the folder's own files.
  const listed = execFileSync('node', [CLI, 'sandbox', '--seed', '1'], { cwd: folder, input: 'ls -1\n', encoding: 'utf8' }).trim().split('\n');
  const same = folderWith(listed);

  for (const columns of [60, 120]) {
    it(`${columns} columns: the rows of the real ls -C -w ${columns}`, async () => {
      const expected = spawnSync('ls', ['-C', '-T', '0', '-w', String(columns)], {
        cwd: same,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' },
      }).stdout;
      const term = new Terminal(`cd ${folder} && node ${CLI} sandbox --seed 1`, { columns, rows: 20 });
      terms.push(term);
      await term.waitFor((s) => s.includes('exit to leave'));
      term.keys('ls', 'Enter');
      const screen = await term.waitFor((s) => /^\$ ls$/m.test(s) && s.includes(listed[listed.length - 1]!) && s.trimEnd().endsWith('$'));
      const rows = screen.split('\n');
      const start = rows.findIndex((r) => r === '$ ls');
      const shown = rows
        .slice(
          start + 1,
          rows.findIndex((r, i) => i > start && r.startsWith('$')),
        )
        .map((r) => r.trimEnd());
      assert.deepEqual(shown, expected.trimEnd().split('\n'), `ls as the real one lays it out at ${columns} columns:\n${screen}`);
    });
  }
});
