// What the lesson screen remembers for the step on screen (a trace's hops, the lesson's clusters
// walked ahead) is kept for the last few clusters and the lesson on screen only: kept for every
// one ever seen, it grew over the whole course (bench/README.md). What is let go comes back the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clustersTraced, CLUSTERS_TRACED, followRequest } from '../../../src/core/course/trace-step.js';
import { courseFiles } from '../../../src/core/course/replay.js';
import { newShell, runLine, type ShellState } from '../../../src/core/shell/shell.js';
import { aheadCluster } from '../../../src/text/replay.js';
import { fixtureCourse } from '../../helpers/fixtures.js';

const course = fixtureCourse();
const files = courseFiles(course);
const spec = { from: 'outside' as const, url: 'http://{{pod.web.nodeIP}}:{{service.web.nodePort}}/' };

/** A cluster with a pod `web` behind a NodePort service, from `seed`. */
function exposed(seed: number): ShellState {
  let shell = newShell(seed);
  for (const line of ['kubectl run web --image nginx', 'sleep 10', 'kubectl expose pod web --type=NodePort --port=80'])
    shell = runLine(shell, line, files, 1000).state;
  return shell;
}

describe('kept for the screen', () => {
  it('traces of the last few clusters only, and a cluster traced again gives the same trace', () => {
    const clusters = [1, 2, 3, 4, 5, 6, 7].map((seed) => exposed(seed).cluster);
    const first = followRequest(spec, clusters[0]!);
    assert.ok(first.ok);
    for (const cluster of clusters) followRequest(spec, cluster);
    assert.ok(clustersTraced() <= CLUSTERS_TRACED, `clusters traced: ${clustersTraced()}`);
    const again = followRequest(spec, clusters[0]!);
    assert.notEqual(again, first, 'traced afresh');
    assert.deepEqual(again, first);
    assert.equal(followRequest(spec, clusters[0]!), again, 'remembered while on screen');
  });

  it("the lesson on screen's clusters walked ahead; another lesson's are walked again, to the same clusters", () => {
    const [one, two] = course.lessons;
    assert.ok(one && two);
    const last = one.steps.length - 1;
    const before = aheadCluster(one, 0, last, 5, files);
    assert.equal(aheadCluster(one, 0, last, 5, files), before, 'remembered for the lesson on screen');
    aheadCluster(two, 1, 0, 5, files);
    const after = aheadCluster(one, 0, last, 5, files);
    assert.notEqual(after, before, 'walked again');
    assert.deepEqual(after, before);
  });
});
