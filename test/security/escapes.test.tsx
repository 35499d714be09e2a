// A stranger's lesson folder and a pasted manifest full of terminal escapes: lint names each one
// with its place, the loader refuses them, and every writer shows them as text, never raw.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { lint } from '../../src/commands/lint.js';
import { print } from '../../src/commands/print.js';
import { runScript } from '../../src/commands/sandbox.js';
import { sandboxFiles } from '../../src/commands/sandbox-files.js';
import type { Course } from '../../src/core/course/model.js';
import { LineView } from '../../src/ui/Lines.js';
import { DisplayContext } from '../../src/ui/display.js';
import { fixture, fixtureCourse } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

/** Any C0 control but tab and newline, DEL, or C1: what must never reach a terminal from input. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const OSC52 = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';
const collect = () => {
  const lines: string[] = [];
  return { lines, write: (text: string) => void lines.push(text), text: () => lines.join('\n') };
};

function hostileFolder(): string {
  const dir = tempDir('npl-escapes-');
  cpSync(fixture('course'), dir, { recursive: true });
  const first = join(dir, '01-first.yml');
  writeFileSync(
    first,
    readFileSync(first, 'utf8')
      .replace('title: First lesson', 'title: "First \\e]0;owned\\a lesson"')
      .replace('text: A diagram follows.', `text: "A diagram\\x9b2J follows."`)
      .replace('summary: The first fixture lesson.', `summary: The first ${'\u0007'} lesson.`),
  );
  return dir;
}

describe('terminal escapes from a lesson folder', () => {
  it('lint names each control character with file:line:col, and prints none', () => {
    const dir = hostileFolder();
    const out = collect();
    const err = collect();
    assert.equal(lint(dir, out.write, err.write), 1);
    const report = err.text();
    assert.doesNotMatch(report + out.text(), RAW_CONTROL);
    const file = join(dir, '01-first.yml');
    assert.match(report, new RegExp(`^${file}:3:8: control character \\\\x1b in a string`, 'm'));
    assert.match(report, new RegExp(`^${file}:4:\\d+: control character \\\\x07 in a string`, 'm'));
    assert.match(report, new RegExp(`^${file}:\\d+:\\d+: control character \\\\x9b in a string`, 'm'));
  });

  it('a control character in a manifest is refused too', () => {
    const dir = tempDir('npl-escapes-');
    cpSync(fixture('course'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'manifests', 'svc.yml'),
      readFileSync(join(dir, 'manifests', 'svc.yml'), 'utf8').replace('app: fixture', `app: "fix\\u001b[2Jture"`),
    );
    const err = collect();
    assert.equal(
      lint(dir, () => undefined, err.write),
      1,
    );
    assert.match(err.text(), /svc\.yml:\d+:\d+: control character \\x1b/);
  });

  it('print shows control characters as text, whatever the course holds', () => {
    const course = fixtureCourse();
    const hostile: Course = { lessons: course.lessons.map((l) => ({ ...l, title: `${l.title}${OSC52}`, summary: `\u001b[?1049h${l.summary}\u001b[2J` })) };
    const out = collect();
    assert.equal(
      print(hostile, undefined, 80, out.write, () => undefined),
      0,
    );
    assert.doesNotMatch(out.text(), RAW_CONTROL);
    assert.ok(out.text().includes('\\x1b]52;c;ZWNobyBwd25lZA==\\x07'));
    const err = collect();
    print(course, `x${OSC52}`, 80, () => undefined, err.write);
    assert.doesNotMatch(err.text(), RAW_CONTROL);
  });

  it('a screen line shows them as text', () => {
    const line = [
      { text: `title${OSC52}`, style: 'heading' as const },
      { text: '\u001b[31mred?', style: 'plain' as const },
    ];
    const app = render(
      <DisplayContext.Provider value={{ color: true, plain: false }}>
        <LineView line={line} columns={120} />
      </DisplayContext.Provider>,
    );
    const frame = app.lastFrame() ?? '';
    assert.ok(frame.includes('\\x1b]52;c;ZWNobyBwd25lZA==\\x07'), frame);
    assert.ok(frame.includes('\\x1b[31mred?'), frame);
    assert.ok(!frame.includes('\u001b]'), 'no OSC reaches the terminal');
    app.unmount();
  });
});

describe('terminal escapes from a manifest in the sandbox', () => {
  it('apply, describe, get, logs and events print the image name as text', async () => {
    const dir = tempDir('npl-escapes-');
    writeFileSync(
      join(dir, 'pod.yml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\n  annotations:\n    note: "\\e]8;;http://evil\\e\\\\click\\e]8;;\\e\\\\"\nspec:\n  containers:\n    - name: web\n      image: "nginx\\e]0;pwned\\a"\n',
    );
    const script = [
      'kubectl apply -f pod.yml',
      'sleep 20',
      'kubectl describe pod web',
      'kubectl get pod web -o yaml',
      'kubectl get pods -o wide',
      'kubectl logs web',
      'kubectl get events',
    ].join('\n');
    const out = collect();
    const err = collect();
    await runScript(3, sandboxFiles(new Map(), dir), Readable.from([script]), out.write, err.write);
    const all = out.text() + err.text();
    assert.doesNotMatch(all, RAW_CONTROL);
    assert.ok(all.includes('\\x1b]0;pwned\\x07'), all);
  });
});
