import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIAGRAM_NAMES } from '../../../src/core/course/model.js';
import { courseText } from '../../../src/text/course-text.js';
import { drawDiagram } from '../../../src/text/diagrams/index.js';
import { lineText, lineWidth, type Line } from '../../../src/text/line.js';
import { prose } from '../../../src/text/prose.js';
import { renderStep } from '../../../src/text/step.js';
import { fixtureCourse } from '../../helpers/fixtures.js';

const course = fixtureCourse();
const texts = (lines: readonly Line[]) => lines.map((l) => lineText(l));

describe('text', () => {
  it('wraps prose at the width, keeps code spans as code, and marks bullets and commands', () => {
    const lines = prose(
      'A fairly long sentence with `kubectl get svc` inside it that must wrap.\n\n- a bullet point that is long enough to wrap too\n$ kubectl expose pod my-first-pod',
      24,
    );
    for (const l of lines) assert.ok(lineWidth(l) <= 24, `too wide: "${lineText(l)}"`);
    assert.ok(lines.some((l) => l.some((s) => s.style === 'code' && s.text === 'kubectl')));
    assert.ok(texts(lines).some((t) => t.startsWith('• a bullet')));
    assert.ok(
      texts(lines).some((t) => t.startsWith('  ')),
      'bullet continuation is indented',
    );
    assert.ok(texts(lines).some((t) => t.startsWith('$ kubectl expose')));
  });

  for (const name of DIAGRAM_NAMES) {
    it(`draws ${name} wide at 100+ columns and stacked below, never wider than the window`, () => {
      const diagram = { name, description: 'd', ports: { nodePort: 31999, port: 8080, targetPort: 9090 } };
      const wide = drawDiagram(diagram, 120);
      const narrow = drawDiagram(diagram, 60);
      for (const l of wide) assert.ok(lineWidth(l) <= 120);
      for (const l of narrow) assert.ok(lineWidth(l) <= 60, `too wide at 60: "${lineText(l)}"`);
      for (let columns = 60; columns <= 140; columns++) {
        for (const l of drawDiagram(diagram, columns)) assert.ok(lineWidth(l) <= columns, `too wide at ${columns}: "${lineText(l)}"`);
      }
      assert.notDeepEqual(texts(narrow), texts(wide), 'the narrow layout differs');
      assert.ok(
        texts(wide).some((l) => l.includes('┌')),
        'the wide layout is drawn in boxes',
      );
      if (name !== 'unreachable-pod') {
        const all = texts(wide).join('\n');
        assert.match(all, /8080/);
        assert.match(all, /9090/);
      }
    });
  }

  it('draws "assigned" where a diagram has no fixed node port', () => {
    const all = texts(drawDiagram({ name: 'three-ports', description: 'd', ports: { port: 81 } }, 120)).join('\n');
    assert.match(all, /nodePort assigned/);
    assert.match(all, /port 81/);
  });

  it("shows a diagram's description instead of the drawing in plain mode", () => {
    const step = course.lessons[0]!.steps[1]!;
    const plain = texts(renderStep(step, { columns: 80, plain: true }).lines).join('\n');
    assert.match(plain, /Diagram: Words that stand for the three-ports drawing\./);
    assert.doesNotMatch(plain, /[┌│└]/);
    const drawn = texts(renderStep(step, { columns: 80, plain: false }).lines).join('\n');
    assert.match(drawn, /┌/);
  });

  it('highlights the chosen manifest field with its note right under its line', () => {
    const step = course.lessons[0]!.steps[2]!;
    const rendered = renderStep(step, { columns: 80, plain: false, field: 1 });
    const lines = texts(rendered.lines);
    const at = lines.findIndex((l) => l.startsWith('▶'));
    assert.match(lines[at]!, /^▶ 12 │ {7}nodePort: 31999/);
    assert.match(lines[at + 1]!, /╰─ spec\.ports\[0\]\.nodePort: NODEPORT-NOTE/);
    // The last field: the view takes in the rest of the step, down to the field count.
    assert.match(lines.at(-1)!, /^Field 2 of 2 /);
    assert.deepEqual(rendered.focus, { from: at, to: lines.length - 1 });
    assert.ok(!lines.join('\n').includes('TYPE-NOTE'), 'only the chosen note is shown');
    const first = renderStep(step, { columns: 80, plain: false, field: 0 });
    const from = texts(first.lines).findIndex((l) => l.startsWith('▶'));
    assert.deepEqual(first.focus, { from, to: from + 1 }, 'a field before the last: its line and its note');
  });

  it('lays a comparison side by side when wide and one after the other when narrow', () => {
    const step = course.lessons[1]!.steps[0]!;
    const wide = texts(renderStep(step, { columns: 120, plain: false }).lines);
    assert.ok(wide.some((l) => /^Imperative\s+│ Declarative$/.test(l)));
    assert.ok(wide.some((l) => l.includes('LEFT-CELL') && l.includes('RIGHT-CELL')));
    const narrow = texts(renderStep(step, { columns: 60, plain: false }).lines);
    assert.ok(narrow.some((l) => l.startsWith('- Imperative: LEFT-CELL')));
    assert.ok(narrow.some((l) => l.startsWith('- Declarative: RIGHT-CELL')));
  });

  it('prints the whole course as plain text, every step titled and every manifest field listed', () => {
    const text = courseText(course, 80);
    assert.match(text, /^Lesson 1: First lesson\n=+/);
    for (const title of ['1.1 Hello step', '1.2 Picture step', '1.3 Manifest step', '2.1 Compare step', '2.2 Last step'])
      assert.ok(text.includes(title), title);
    assert.match(text, /spec\.type \(line 6\): TYPE-NOTE/);
    assert.match(text, /spec\.ports\[0\]\.nodePort \(line 12\): NODEPORT-NOTE/);
    assert.doesNotMatch(text, /[┌│└▶]/);
    assert.ok(text.split('\n').every((l) => l.length <= 80));
  });
});

describe('diagram captions', () => {
  it('keep the spaces between differently styled pieces', () => {
    const text = texts(drawDiagram({ name: 'three-ports', description: 'd' }, 120)).join('\n');
    assert.match(text, /nodePort opens on every node · port belongs to the Service · targetPort is where the pod listens/);
  });
});

describe('service types overview', () => {
  it('shows the node port range when no node port is given', () => {
    const text = texts(drawDiagram({ name: 'service-types', description: 'd' }, 120)).join('\n');
    assert.match(text, /nodePort 30000-32767/);
  });
});

describe('wrapping', () => {
  it('keeps punctuation with the code span it follows', () => {
    const lines = prose('The REJECT rule is in `KUBE-EXTERNAL-SERVICES`, with a destination test.', 35).map(lineText);
    assert.ok(
      lines.every((l) => !l.startsWith(',')),
      lines.join('|'),
    );
    assert.ok(
      lines.some((l) => l.includes('KUBE-EXTERNAL-SERVICES,')),
      lines.join('|'),
    );
  });
});

describe('hanging indents', () => {
  it('start every continuation line at the indent, with no extra space', () => {
    const lines = prose('- a bullet whose words are long enough to wrap several times over', 20).map(lineText);
    assert.ok(lines.length > 2);
    for (const l of lines.slice(1)) assert.match(l, /^ {2}\S/, `"${l}"`);
  });
});
