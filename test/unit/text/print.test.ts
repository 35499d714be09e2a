// `print` fills every value from a seeded lesson cluster and prints each trace, hop per line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { print } from '../../../src/commands/print.js';
import { initialNav, navigate } from '../../../src/core/course/navigation.js';
import { emptyProgress } from '../../../src/core/progress/model.js';
import { lessonFrame } from '../../../src/ui/screens/lesson.js';
import { lineText } from '../../../src/text/line.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the shipped lessons do not load');
const course = loaded.course;

function printed(seed?: number, which?: string): string {
  let text = '';
  const code = print(
    course,
    which,
    80,
    (t) => (text += t),
    () => undefined,
    seed,
  );
  assert.equal(code, 0);
  return text;
}

describe('print', () => {
  const text = printed();

  it('shows no placeholder: every value comes from the lesson cluster', () => {
    assert.doesNotMatch(text, /<(nodePort|port|targetPort|clusterIP|ip|node|nodeIP|externalIP|internalIP) of [^>]+>/);
    assert.doesNotMatch(text, /\{\{/);
  });

  it('is the same for the same seed, its own default when none is given, and follows --seed', () => {
    assert.equal(printed(), text);
    assert.equal(printed(1), text, 'the default seed is 1');
    assert.notEqual(printed(5), text);
  });

  it('prints each trace as text, one hop a line, with its outcome', () => {
    const traceSteps = course.lessons.flatMap((l) => l.steps).filter((s) => s.kind === 'trace').length;
    assert.ok(traceSteps > 0);
    const starts = text.match(/^Hop 1 of \d+, /gm) ?? [];
    assert.ok(starts.length >= traceSteps, `every trace has its hops (${starts.length} of ${traceSteps})`);
    assert.equal((text.match(/^Outcome: /gm) ?? []).length, traceSteps);
    const hop = /^Hop 2 of (\d+), /m.exec(text);
    assert.ok(hop, 'hops are numbered, one a line');
  });
});

describe('the course screen', () => {
  it('reads a value the learner has not made yet as the number it will be, not a placeholder', () => {
    const lesson = course.lessons.findIndex((l) => l.steps.some((s) => s.id === 'port-81-trap'));
    const step = course.lessons[lesson]!.steps.findIndex((s) => s.id === 'port-81-trap');
    const state = navigate(initialNav(course, emptyProgress, null, { seed: 3, files: new Map() }), {
      type: 'open-place',
      place: { lesson: course.lessons[lesson]!.id, step: 'port-81-trap' },
    });
    assert.equal(step >= 0, true);
    const frame = lessonFrame(state, { columns: 100, rows: 60 }, { color: false, plain: false });
    const screen = frame.lines.map(lineText).join('\n');
    assert.match(screen, /81:3\d{4}\/TCP/);
    assert.doesNotMatch(screen, /<nodePort of/);
  });
});
