// `nodeport-lab --lesson N`: the course opens at that lesson (a number or an id), where the lesson
// list would open it; a lesson that does not exist is refused with the list of those that do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

describe('--lesson opens the course at a lesson', { skip: tmuxMissing() }, () => {
  for (const which of ['7', 'three-ports']) {
    it(`--lesson ${which}: lesson 7's first step, at 80x24`, async () => {
      const home = tempDir('npl-lesson-flag-');
      const term = new Terminal(`node ${CLI} --seed 3 --lesson ${which}`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: home });
      try {
        const screen = await term.waitFor((s) => s.includes('Lesson 7/11'));
        assert.match(screen, /^Lesson 7\/11 The three ports of a NodePort Service +step 1\/7/m);
        term.keys('q');
        assert.equal((await term.exited()).code, 0);
      } finally {
        term.close();
      }
    });
  }

  it('a lesson that does not exist: a clear refusal, status 2, before any terminal is taken', () => {
    const run = spawnSync(process.execPath, [CLI, '--lesson', '12'], {
      encoding: 'utf8',
      env: { ...process.env, NODEPORT_LAB_HOME: tempDir('npl-lesson-flag-') },
    });
    assert.match(run.stderr, /^nodeport-lab: the course needs a terminal/, 'without a terminal the course says so first');
    const term = new Terminal(`node ${CLI} --lesson 12`, { columns: 80, rows: 24 }, { NODEPORT_LAB_HOME: tempDir('npl-lesson-flag-') });
    return term
      .exited()
      .then(({ code }) => {
        assert.equal(code, 2);
        assert.match(term.screen(), /nodeport-lab: no lesson "12" \(lessons: 1 why-a-service, .*11 review-quiz\)/s);
      })
      .finally(() => term.close());
  });
});
