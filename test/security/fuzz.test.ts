// Random bytes and escape sequences in lesson files and in sandbox input: whatever comes back
// (problems, printed lessons, command output), no control character from the input reaches the
// terminal unescaped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lint } from '../../src/commands/lint.js';
import { print } from '../../src/commands/print.js';
import { runScript } from '../../src/commands/sandbox.js';
import { loadCourse } from '../../src/core/course/loader.js';
import { formatProblem } from '../../src/core/course/model.js';
import { readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { fixture } from '../helpers/fixtures.js';
import { files } from '../unit/shell/helpers.js';
import { runs } from '../helpers/soak.js';
import { tempDir } from '../helpers/temp.js';

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const ESC = '\u001b';

const control = fc
  .integer({ min: 0, max: 0x9f })
  .filter((c) => c < 0x20 || c >= 0x7f)
  .map((c) => String.fromCharCode(c));
const escape = fc.constantFrom(
  `${ESC}]52;c;aGk=\u0007`,
  `${ESC}]0;title${ESC}\\`,
  `${ESC}[2J`,
  `${ESC}[?1049h`,
  `${ESC}]8;;http://x${ESC}\\`,
  '\u009b31m',
  '\u0007',
  '\r',
  `${ESC}c`,
);
const yamlEscape = fc.constantFrom('\\e', '\\a', '\\x1b', '\\u009b', '\\x07', '\\0', '\\b', '\\r');
const hostile = fc.array(fc.oneof(fc.string({ maxLength: 6 }), control, escape), { maxLength: 8 }).map((parts) => parts.join(''));

const LESSON = readFileSync(join(fixture('course'), '01-first.yml'), 'utf8');

describe('fuzz: no control character from input reaches stdout unescaped', () => {
  it('lesson files with random bytes, raw or as YAML escapes, in any string', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.array(yamlEscape, { maxLength: 3 }),
        fc.constantFrom('title: First lesson', 'summary: The first fixture lesson.', 'title: Hello step', 'text: A diagram follows.'),
        (raw, escapes, where) => {
          const [key] = where.split(':');
          const quoted = `${key}: "${escapes.join('')}${JSON.stringify(raw).slice(1, -1)}"`;
          for (const text of [LESSON.replace(where, quoted), LESSON.replace(where, `${key}: ${raw}`)]) {
            const result = loadCourse({ lessons: [{ file: `x${raw}.yml`, text }], manifests: new Map() });
            const out = result.ok ? [] : result.problems.map(formatProblem);
            for (const line of out) assert.doesNotMatch(line, RAW_CONTROL);
            if (result.ok) {
              const printed: string[] = [];
              print(
                result.course,
                undefined,
                80,
                (t) => void printed.push(t),
                (t) => void printed.push(t),
              );
              assert.doesNotMatch(printed.join(''), RAW_CONTROL);
            }
          }
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('lint of a folder holding random bytes prints none of them raw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const dir = tempDir('npl-fuzz-');
        cpSync(fixture('course'), dir, { recursive: true });
        writeFileSync(join(dir, '02-second.yml'), Buffer.from(bytes));
        const lines: string[] = [];
        lint(
          dir,
          (t) => void lines.push(t),
          (t) => void lines.push(t),
        );
        assert.doesNotMatch(lines.join('\n'), RAW_CONTROL);
      }),
      { numRuns: runs(60) },
    );
  });

  it('sandbox lines and pasted manifests with random bytes and escapes', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, async (word, image) => {
        const manifest = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    note: "${JSON.stringify(word).slice(1, -1)}"\nspec:\n  containers:\n    - name: web\n      image: "nginx${JSON.stringify(image).slice(1, -1)}"\n`;
        const script = [
          `kubectl get pods ${word}`,
          `${word}`,
          'kubectl apply -f m.yml',
          'kubectl describe pod web',
          'kubectl get pod web -o yaml',
          'kubectl get events',
          `curl ${word}`,
        ].join('\n');
        const out: string[] = [];
        await runScript(
          1,
          files({ 'm.yml': manifest }),
          [script],
          (t) => void out.push(t),
          (t) => void out.push(t),
        );
        assert.doesNotMatch(out.join(''), RAW_CONTROL);
      }),
      { numRuns: runs(150) },
    );
  });
});
