// A goal ticks when the command's answer is shown: while a curl's time-out is still counted down,
// the request it made is not judged yet, and "Goal reached" waits with it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../src/commands/load-lessons.js';
import { initialNav, navigate, currentPractice, type NavState } from '../../src/core/course/navigation.js';
import { emptyProgress } from '../../src/core/progress/model.js';
import { lineText } from '../../src/text/line.js';
import { lessonFrame } from '../../src/ui/screens/lesson.js';
import { waitOf } from '../../src/ui/screens/practice.js';
import { repoPath } from '../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;

function type(state: NavState, text: string): NavState {
  const typed = navigate(state, { type: 'prompt-edit', action: { type: 'replace', text } });
  return navigate(typed, { type: 'prompt-submit', elapsedMs: 1000 });
}

describe('a goal and a counted wait', () => {
  it('the time-out ticks when curl gives up on screen, not while it is counted down', () => {
    let state = initialNav(course, emptyProgress, null, { seed: 5, files: new Map() });
    state = navigate(state, { type: 'open-place', place: { lesson: 'break-it', step: 'open-the-firewall' } });
    const cluster = currentPractice(state)!.shell.cluster;
    const nodePort = cluster.services.find((s) => s.metadata.name === 'my-first-service')!.spec.ports[0]!.nodePort!;
    state = type(state, `firewall close ${nodePort}`);
    state = type(state, `curl -m 5 http://203.0.113.11:${nodePort}`);
    const entries = currentPractice(state)!.entries['open-the-firewall'] ?? [];
    const seconds = Math.ceil((waitOf(entries[entries.length - 1]) ?? 0) / 1000);
    assert.equal(seconds, 6, 'curl -m 5 gives up after 5001 ms');
    const frame = (waiting: number | null) =>
      lessonFrame(state, { columns: 80, rows: 24 }, { color: false, plain: false }, waiting).lines.map(lineText).join('\n');
    const counting = frame(seconds);
    assert.match(counting, /waiting for an answer/);
    assert.match(counting, /○ you have seen a request time out/);
    const shown = frame(null);
    assert.match(shown, /✓ you have seen a request time out/);
  });

  it('the last part met waits for the answer of the command that met it, and Goal reached with it', () => {
    let state = initialNav(course, emptyProgress, null, { seed: 5, files: new Map() });
    state = navigate(state, { type: 'open-place', place: { lesson: 'break-it', step: 'open-the-firewall' } });
    const nodePort = currentPractice(state)!.shell.cluster.services.find((s) => s.metadata.name === 'my-first-service')!.spec.ports[0]!.nodePort!;
    state = type(state, `curl http://203.0.113.11:${nodePort}`);
    // The last part met is the time-out, from an address that is no node's.
    state = type(state, `curl -m 2 http://203.0.113.99:${nodePort}`);
    const entries = currentPractice(state)!.entries['open-the-firewall'] ?? [];
    assert.ok(waitOf(entries[entries.length - 1]) !== null, 'the last curl timed out');
    const frame = (waiting: number | null) =>
      lessonFrame(state, { columns: 80, rows: 24 }, { color: false, plain: false }, waiting).lines.map(lineText).join('\n');
    const counting = frame(2);
    assert.match(counting, /✓ you have reached the app through my-first-service/);
    assert.match(counting, /○ you have seen a request time out/);
    assert.doesNotMatch(counting, /Goal reached/);
    assert.match(frame(null), /Goal reached/);
  });
});
