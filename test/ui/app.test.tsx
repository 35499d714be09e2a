import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../src/ui/App.js';
import { DisplayContext, type Display } from '../../src/ui/display.js';
import { BINDINGS } from '../../src/ui/keymap.js';
import { emptyProgress, type Progress } from '../../src/core/progress/model.js';
import { fixtureCourse } from '../helpers/fixtures.js';
import { KEYS, press, waitFor, waitForFrame } from '../helpers/ink.js';

const course = fixtureCourse();

function start(props: Partial<AppProps> = {}, display: Display = { color: false, plain: false }) {
  const saves: Progress[] = [];
  const app = render(
    <DisplayContext.Provider value={display}>
      <App
        course={course}
        progress={emptyProgress}
        saveProgress={(p) => {
          saves.push(p);
          return null;
        }}
        size={{ columns: 100, rows: 30 }}
        {...props}
      />
    </DisplayContext.Provider>,
  );
  return { app, saves };
}

describe('the course app', () => {
  it('lists the lessons, opens one and walks forward and back', async () => {
    const { app, saves } = start();
    await waitForFrame(app, (f) => f.includes('First lesson') && f.includes('Second lesson'));
    await press(app, KEYS.enter, (f) => f.includes('Hello step') && f.includes('Alpha paragraph'));
    await press(app, KEYS.right, (f) => f.includes('Picture step') && f.includes('step 2/3'));
    const back = await press(app, KEYS.left, (f) => f.includes('Hello step'));
    assert.match(back, /Lesson 1\/3 First lesson/);
    await waitFor(() => saves.at(-1)?.last?.step === 'hello');
    assert.deepEqual(saves.at(-1)?.last, { lesson: 'first', step: 'hello' });
    assert.deepEqual(saves.at(-1)?.lessons.first?.done, ['hello']);
    app.unmount();
  });

  it("draws the diagram with the lesson's own port numbers, and only words in plain mode", async () => {
    const drawn = start();
    await waitForFrame(drawn.app, (f) => f.includes('First lesson'));
    await press(drawn.app, KEYS.enter);
    const frame = await press(drawn.app, KEYS.right, (f) => f.includes('Picture step'));
    assert.match(frame, /nodePort 31999/);
    assert.match(frame, /port 8080/);
    assert.match(frame, /┌/);
    drawn.app.unmount();

    const plain = start({}, { color: false, plain: true });
    await waitForFrame(plain.app, (f) => f.includes('First lesson'));
    await press(plain.app, KEYS.enter);
    const words = await press(plain.app, KEYS.right, (f) => f.includes('Picture step'));
    assert.match(words, /Diagram: Words that stand for the three-ports drawing/);
    assert.doesNotMatch(words, /[┌─│●]/);
    plain.app.unmount();
  });

  it('walks the fields of a manifest with up and down', async () => {
    const { app } = start();
    await waitForFrame(app, (f) => f.includes('First lesson'));
    await press(app, KEYS.enter);
    await press(app, KEYS.right);
    const first = await press(app, KEYS.right, (f) => f.includes('Manifest step'));
    assert.match(first, /▶ {1,2}6 │ {3}type: NodePort/);
    assert.match(first, /TYPE-NOTE/);
    const second = await press(app, KEYS.down, (f) => f.includes('NODEPORT-NOTE'));
    assert.doesNotMatch(second, /TYPE-NOTE/);
    assert.match(second, /Field 2 of 2/);
    app.unmount();
  });

  it('offers to resume, and continues exactly where the learner was', async () => {
    const saved: Progress = { ...emptyProgress, lessons: { second: { done: ['sides'], complete: false } }, last: { lesson: 'second', step: 'last' } };
    const { app } = start({ progress: saved });
    const home = await waitForFrame(app, (f) => f.includes('Continue lesson 2, step 2 ("Last step")?'));
    assert.match(home, /enter continue · n lesson list/);
    await press(app, KEYS.enter, (f) => f.includes('Omega text') && f.includes('step 2/2'));
    app.unmount();
  });

  it('declining the resume offer leaves the learner on the list', async () => {
    const saved: Progress = { ...emptyProgress, last: { lesson: 'second', step: 'last' } };
    const { app } = start({ progress: saved });
    await waitForFrame(app, (f) => f.includes('Continue lesson 2'));
    const frame = await press(app, 'n', (f) => !f.includes('Continue lesson'));
    assert.match(frame, /› .*2 {2}Second lesson/);
    app.unmount();
  });

  it("shows a help overlay listing every binding of the screen beneath, from the router's own data", async () => {
    const { app } = start();
    await waitForFrame(app, (f) => f.includes('First lesson'));
    await press(app, KEYS.enter);
    const help = await press(app, '?', (f) => f.startsWith('Keys'));
    // What a learner must find on the lesson screen, spelt here rather than read from BINDINGS, so
    // that a binding removed from the router fails this test.
    const lessonKeys: [label: string, does: string][] = [
      ['→ / enter / space', 'next step'],
      ['← / b', 'previous step'],
      ['↓ / j', 'scroll down'],
      ['↑ / k', 'scroll up'],
      ['page down', 'scroll a page down'],
      ['page up', 'scroll a page up'],
      ['home / g', 'back to the top'],
      ['end / G', 'to the bottom'],
      ['l / esc', 'the lesson list'],
      ['i', 'back to the prompt (practice steps)'],
      ['h', 'a hint (practice steps)'],
      ['?', 'show the keys'],
      ['q / ctrl-c', 'quit (your progress is saved)'],
    ];
    for (const [label, does] of lessonKeys) {
      assert.ok(
        help.split('\n').some((row) => row.includes(label) && row.includes(does)),
        `help lists "${label}  ${does}"`,
      );
    }
    // And every binding the router has for the screen is listed (none hidden from the learner).
    for (const b of BINDINGS.filter((binding) => binding.contexts.includes('lesson'))) assert.ok(help.includes(b.does), `help lists "${b.does}"`);
    await press(app, KEYS.escape, (f) => f.includes('Hello step'));
    app.unmount();
  });

  it('goes to the lesson list with l and marks progress there', async () => {
    const { app } = start();
    await waitForFrame(app, (f) => f.includes('First lesson'));
    await press(app, KEYS.enter);
    await press(app, KEYS.right, (f) => f.includes('Picture step'));
    const list = await press(app, 'l', (f) => f.includes('nodeport-lab'));
    assert.match(list, /◐ +1 {2}First lesson +\d+ min · 1\/3 steps/);
    app.unmount();
  });

  it('says when progress cannot be saved, keeps saying it in the header, and says when saving works again', async () => {
    let problem: string | null = 'Progress cannot be saved (permission denied).';
    const { app } = start({ saveProgress: () => problem });
    await waitForFrame(app, (f) => f.includes('First lesson'));
    const frame = await press(app, KEYS.enter, (f) => f.includes('Progress cannot be saved'));
    assert.match(frame, /Hello step/);
    assert.match(frame, /nothing you do is\s+kept/);
    assert.match(frame.split('\n')[0] ?? '', /progress not saved · step 1\/3/);
    const next = await press(app, KEYS.right, (f) => f.includes('Picture step'));
    assert.doesNotMatch(next, /Progress cannot be saved/, 'the full notice is said once');
    assert.match(next.split('\n')[0] ?? '', /progress not saved · step 2\/3/);
    const list = await press(app, 'l', (f) => f.includes('nodeport-lab'));
    assert.match(list.split('\n')[0] ?? '', /progress not saved$/);
    problem = null;
    const back = await press(app, KEYS.enter, (f) => f.includes('Progress is being saved again.'));
    assert.doesNotMatch(back.split('\n')[0] ?? '', /progress not saved/);
    app.unmount();
  });

  it('asks for a bigger window below 60x20 and lets q quit from there', async () => {
    const { app } = start({ size: { columns: 50, rows: 15 } });
    const frame = await waitForFrame(app, (f) => f.includes('Please enlarge the window'));
    assert.match(frame, /at least 60x20/);
    assert.match(frame, /now 50x15/);
    app.unmount();
  });

  it('never draws a frame taller than the window or a line wider than it', async () => {
    for (const size of [
      { columns: 60, rows: 20 },
      { columns: 100, rows: 30 },
      { columns: 140, rows: 40 },
    ]) {
      const { app } = start({ size });
      await waitForFrame(app, (f) => f.includes('First lesson'));
      const keys = [KEYS.enter, KEYS.right, KEYS.right, KEYS.down, KEYS.right, KEYS.pageDown, KEYS.right];
      for (const key of keys) {
        const frame = await press(app, key);
        const lines = frame.split('\n');
        assert.ok(lines.length < size.rows, `${lines.length} lines at ${size.rows} rows`);
        for (const l of lines) assert.ok([...l].length <= size.columns, `line too wide at ${size.columns}: "${l}"`);
      }
      app.unmount();
    }
  });
});

describe('keys typed faster than a frame', () => {
  it('routes each key of one chunk by the state the keys before it made', async () => {
    const { app } = start();
    await waitForFrame(app, (f) => f.includes('First lesson'));
    // down, open the lesson, then next: three keys in one read.
    const frame = await press(app, 'j\r\r', (f) => f.includes('step 2/2'));
    assert.match(frame, /Lesson 2\/3 Second lesson/);
    assert.match(frame, /Omega text/);
    app.unmount();
  });
});

describe('a practice step', () => {
  function practice() {
    let now = 0;
    const app = render(
      <DisplayContext.Provider value={{ color: false, plain: false }}>
        <App
          course={course}
          progress={emptyProgress}
          saveProgress={() => null}
          size={{ columns: 100, rows: 40 }}
          practice={{ seed: 9, files: new Map() }}
          clock={() => (now += 5000)}
        />
      </DisplayContext.Provider>,
    );
    return app;
  }

  it('types into the prompt, runs commands, ticks the goal off, and moves on with Enter', async () => {
    const app = practice();
    await waitForFrame(app, (f) => f.includes('Third lesson'));
    await press(app, 'jj\r', (f) => f.includes('Practice step'));
    await press(app, 'kubectl run web --image nginx\r', (f) => f.includes('pod/web created'));
    const exposed = await press(app, 'kubectl expose pod web --type=NodePort --port=80\r', (f) => f.includes('service/web exposed'));
    assert.match(exposed, /✓ a pod named web, Running/);
    assert.match(exposed, /✓ a NodePort service named web, selecting web, with an endpoint/);
    const port = /reach it at 203\.0\.113\.11 on (\d+)\./.exec(exposed)?.[1];
    assert.ok(port, "the text names the learner's own node port");
    const reached = await press(app, `curl -s http://203.0.113.11:${port}\r`, (f) => f.includes('Goal reached'));
    assert.match(reached, /✓ you have reached the app through web with curl/);
    const next = await press(app, '\r', (f) => f.includes('After practice'));
    assert.match(next, new RegExp(`Your service's node port is ${port}\\.`));
    assert.match(next, /\$ kubectl expose pod web --type=NodePort/);
    assert.match(next, /targetPort: 80/, "the dry run printed in the learner's cluster");
    app.unmount();
  });

  it('keeps lesson keys for Esc, and types q and ? into the prompt otherwise', async () => {
    const app = practice();
    await waitForFrame(app, (f) => f.includes('Third lesson'));
    await press(app, 'jj\r', (f) => f.includes('Practice step'));
    const typed = await press(app, 'q?h', (f) => f.includes('$ q?h'));
    assert.doesNotMatch(typed, /^Keys/);
    await press(app, KEYS.escape, (f) => f.includes('lesson keys: i to type again'));
    const hinted = await press(app, 'h', (f) => f.includes('Hint 1 of 2:'));
    // The hint sits under the goal, beside the prompt.
    assert.match(hinted, /○ you have reached the app through web with curl\nHint 1 of 2: Use kubectl run web --image nginx\./);
    await press(app, 'i', (f) => f.includes('$ q?h'));
    app.unmount();
  });
  it('runs a typed command once: one state update a key chunk, not one per reducer call', async () => {
    // A map that counts the reads of the manifest: a reducer run twice for one Enter reads it twice.
    const reads: string[] = [];
    class CountingFiles extends Map<string, string> {
      override get(key: string) {
        reads.push(key);
        return super.get(key);
      }
    }
    const files = new CountingFiles([
      ['web.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n'],
    ]);
    let now = 0;
    const app = render(
      <DisplayContext.Provider value={{ color: false, plain: false }}>
        <App
          course={course}
          progress={emptyProgress}
          saveProgress={() => null}
          size={{ columns: 100, rows: 40 }}
          practice={{ seed: 9, files }}
          clock={() => (now += 5000)}
        />
      </DisplayContext.Provider>,
    );
    await waitForFrame(app, (f) => f.includes('Third lesson'));
    await press(app, 'jj\r', (f) => f.includes('Practice step'));
    reads.length = 0;
    await press(app, 'kubectl apply -f web.yaml\r', (f) => f.includes('pod/web created'));
    await press(app, 'x', (f) => f.includes('$ x'));
    assert.deepEqual(reads, ['web.yaml']);
    app.unmount();
  });
});

describe('a trace step', () => {
  it("asks for a prediction, then steps through the learner's own request hop by hop", async () => {
    let now = 0;
    const app = render(
      <DisplayContext.Provider value={{ color: false, plain: false }}>
        <App
          course={course}
          progress={emptyProgress}
          saveProgress={() => null}
          size={{ columns: 100, rows: 40 }}
          practice={{ seed: 9, files: new Map() }}
          clock={() => (now += 5000)}
        />
      </DisplayContext.Provider>,
    );
    await waitForFrame(app, (f) => f.includes('Third lesson'));
    await press(app, 'jj\r', (f) => f.includes('Practice step'));
    await press(app, 'kubectl run web --image nginx\r', (f) => f.includes('pod/web created'));
    await press(app, 'kubectl expose pod web --type=NodePort --port=80\r', (f) => f.includes('service/web exposed'));
    await press(app, KEYS.escape, (f) => f.includes('lesson keys: i to type again'));
    await press(app, KEYS.right, (f) => f.includes('After practice'));
    const asked = await press(app, KEYS.right, (f) => f.includes('Before you look: where will this request fail?'));
    assert.match(asked, /\( \) it does not fail: the app answers/);
    const rows = asked.split('\n').filter((l) => /^[› ] \([ •]\) /.test(l));
    for (let i = 0; i < rows.length - 1; i++) await press(app, KEYS.down);
    const first = await press(app, KEYS.enter, (f) => f.includes('Hop 1 of'));
    // The step promises the verdict at once: it is there on the first hop, and the hops show why.
    assert.match(first, /✓ Right: it does not fail: the app answers\. The hops below show why\./);
    assert.match(first, /\[1:you\]/);
    const second = await press(app, KEYS.right, (f) => f.includes('Hop 2 of'));
    assert.match(second, /\n {2}in +198\.51\.100\.7:\d+ -> 203\.0\.113\.1\d:\d+ SYN\n/);
    // The out line shows the node's private IP: the tag names what changed it, the cloud's NAT,
    // not the address beside it.
    assert.match(second, /\n {2}out +198\.51\.100\.7:\d+ -> 192\.168\.49\.\d:\d+ SYN {2}\(cloud NAT\)\n/);
    const back = await press(app, KEYS.left, (f) => f.includes('Hop 1 of'));
    assert.match(back, /\[1:you\]/);
    app.stdin.write('a');
    await waitForFrame(app, (f) => f.includes('Hop 3 of'), 5000);
    let end = app.lastFrame() ?? '';
    for (let i = 0; i < 20 && !/\[✓.answer\]/.test(end); i++) end = await press(app, KEYS.right);
    assert.match(end, /The way back/);
    assert.match(end, /✓ Right: it does not fail: the app answers\./);
    const footer = end.trimEnd().split('\n').at(-1) ?? '';
    assert.match(footer, /^→ next step · ← back/, 'on the last stop → goes on to the next step');
    assert.doesNotMatch(footer, /next hop|a play/);
    assert.match(first.trimEnd().split('\n').at(-1) ?? '', /^→ next hop · ← back · a play/);
    app.unmount();
  });
});
