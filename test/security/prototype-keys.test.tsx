// Keys that every JavaScript object has (constructor, valueOf, toString) or that set its prototype
// (__proto__), written as lesson ids, labels, annotations or manifest fields.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import type { Course } from '../../src/core/course/model.js';
import { emptyProgress } from '../../src/core/progress/model.js';
import { App } from '../../src/ui/App.js';
import { DisplayContext } from '../../src/ui/display.js';
import { fixtureCourse } from '../helpers/fixtures.js';
import { KEYS, waitFor, waitForFrame } from '../helpers/ink.js';
import { files, session } from '../unit/shell/helpers.js';

const INVALID_NAME = `Invalid value: "__proto__": name part must consist of alphanumeric characters`;

describe('prototype keys', () => {
  it('a lesson called "constructor" draws, opens and is saved like any other', async () => {
    const base = fixtureCourse();
    const course: Course = { lessons: base.lessons.map((l, i) => (i === 0 ? { ...l, id: 'constructor' } : l)) };
    const saved: string[] = [];
    const app = render(
      <DisplayContext.Provider value={{ color: false, plain: false }}>
        <App course={course} progress={emptyProgress} saveProgress={(p) => (saved.push(JSON.stringify(p)), null)} size={{ columns: 100, rows: 30 }} />
      </DisplayContext.Provider>,
    );
    await waitForFrame(app, (f) => f.includes('First lesson') && f.includes('0/3 steps'));
    app.stdin.write(KEYS.enter);
    await waitForFrame(app, (f) => f.includes('Hello step'));
    app.stdin.write(KEYS.right);
    await waitForFrame(app, (f) => f.includes('Picture step'));
    await waitFor(() => /"constructor":\{"done":\["hello"\]/.test(saved.at(-1) ?? ''));
    app.unmount();
  });

  it('labels called constructor, valueOf and toString are labels; __proto__ is refused as Kubernetes refuses it', () => {
    const { run } = session();
    assert.equal(run('kubectl run a --image=nginx --labels=constructor=1,valueOf=2').stdout, 'pod/a created\n');
    assert.equal(run('kubectl label pod a toString=3').stdout, 'pod/a labeled\n');
    assert.match(run('kubectl get pod a --show-labels').stdout, /constructor=1,toString=3,valueOf=2/);
    assert.match(run('kubectl get pods -l valueOf=2').stdout, /^a /m);
    assert.match(run('kubectl run b --image=nginx --labels=__proto__=3').stderr, new RegExp(INVALID_NAME));
    assert.match(run('kubectl label pod a __proto__=3').stderr, new RegExp(INVALID_NAME));
  });

  it('__proto__ in a manifest is an unknown field or an invalid key, never an internal error', () => {
    const pod = (extra: string, meta = '') =>
      `apiVersion: v1\nkind: Pod\n${extra}metadata:\n  name: web\n${meta}spec:\n  containers:\n    - name: web\n      image: nginx\n`;
    const { run } = session(
      7,
      files({
        'top.yml': pod('__proto__:\n  x: 1\n'),
        'labels.yml': pod('', '  labels:\n    __proto__: x\n'),
        'ok.yml': pod('', '  labels:\n    constructor: y\n'),
      }),
    );
    assert.equal(
      run('kubectl apply -f top.yml').stderr,
      'Error from server (BadRequest): error when creating "top.yml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "__proto__"\n',
    );
    assert.match(run('kubectl apply -f labels.yml').stderr, new RegExp(`metadata\\.labels: ${INVALID_NAME}`));
    assert.equal(run('kubectl apply -f ok.yml').stdout, 'pod/web created\n');
    assert.match(run('kubectl get pod web --show-labels').stdout, /constructor=y/);
  });
});
