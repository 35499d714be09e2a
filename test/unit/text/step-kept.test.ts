// The lesson screen draws the step on screen again on every key, so its renderings are kept; kept
// for every step ever visited, they grew through the whole course to a megabyte of the heap that
// sets the process's peak (bench/README.md, "Cells let go"). Only the last few steps keep theirs,
// and a step come back to is drawn as it was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderedKept, renderStep, RENDERINGS_KEPT, STEPS_KEPT, type RenderOptions } from '../../../src/text/step.js';
import { loadLessonDir } from '../../../src/commands/load-lessons.js';
import { repoPath } from '../../helpers/fixtures.js';

const loaded = loadLessonDir(repoPath('lessons'));
if (!loaded.ok) throw new Error('the lessons do not load');
// The course's own steps, as the learner walks them.
const steps = loaded.course.lessons.flatMap((lesson) => lesson.steps);
const options: RenderOptions = { columns: 80, plain: false, interactive: true };

describe('renderings of steps, kept', () => {
  it('for the last few steps only, however many are visited', () => {
    assert.ok(steps.length > 2 * STEPS_KEPT, `a course of ${steps.length} steps`);
    let most = 0;
    for (const step of steps) {
      renderStep(step, options);
      most = Math.max(most, renderedKept().steps);
    }
    assert.ok(most > 0 && most <= STEPS_KEPT, `steps kept: ${most}`);
  });

  it('the step on screen keeps its rendering while others come and go', () => {
    const onScreen = steps[0]!;
    const shown = renderStep(onScreen, options);
    for (const step of steps.slice(1)) {
      renderStep(step, options);
      assert.equal(renderStep(onScreen, options), shown, 'drawn again on the next key: the same rendering, not a new one');
    }
  });

  it('draws a step come back to as it drew it first', () => {
    const first = steps.map((step) => renderStep(step, options).lines.map((line) => line.map((s) => `${s.style}:${s.text}`).join('')));
    const again = steps.map((step) => renderStep(step, options).lines.map((line) => line.map((s) => `${s.style}:${s.text}`).join('')));
    assert.deepEqual(again, first);
    assert.ok(first.some((lines) => lines.length > 3));
  });

  it('keeps a bounded number of renderings of one step (widths, fields)', () => {
    const step = steps.find((s) => s.kind === 'manifest') ?? steps[0]!;
    for (let columns = 40; columns < 40 + 3 * RENDERINGS_KEPT; columns++) renderStep(step, { ...options, columns });
    const { renderings } = renderedKept();
    assert.ok(renderings > 0 && renderings <= STEPS_KEPT * RENDERINGS_KEPT, `renderings kept: ${renderings}`);
    const wide = renderStep(step, { ...options, columns: 60 });
    assert.equal(renderStep(step, { ...options, columns: 60 }), wide);
  });
});
