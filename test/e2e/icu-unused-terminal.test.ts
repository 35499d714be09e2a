// The built course loads none of ICU's grapheme or collation data for a lesson whose text joins no
// graphemes (every shipped lesson): a preload counts every Intl.Segmenter and Intl.Collator made,
// every localeCompare called and every regular expression of Unicode properties (`\p{...}`, which
// reads ICU's property data) compiled while a learner works through lesson 4 in a real terminal
// (the Service exposed, its endpoints listed and described, its page opened), and the count stays
// at zero until the learner types an emoji, which the course then segments and measures as ICU
// does. At the exit it lists the Node modules loaded that the course never needs (node:assert,
// through signal-exit, and node:child_process, through terminal-size: scripts/unused-builtins.mjs).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CLI, Terminal, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

const COUNTER = `import { writeFileSync } from 'node:fs';
const counts = { segmenters: 0, collators: 0, localeCompare: 0, propertyPatterns: [], unneeded: [] };
const tell = () => writeFileSync(process.env.NPL_ICU_LOG, JSON.stringify(counts));
const RealRegExp = RegExp;
const seen = (args) => {
  const source = args[0] instanceof RealRegExp ? args[0].source : String(args[0]);
  if (source.includes('\\p{') || source.includes('\\P{')) (counts.propertyPatterns.push(source.slice(0, 80)), tell());
};
globalThis.RegExp = new Proxy(RealRegExp, {
  construct: (target, args, newTarget) => (seen(args), Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget)),
  apply: (target, self, args) => (seen(args), Reflect.apply(target, self, args)),
});
process.on('exit', () => {
  counts.unneeded = process.moduleLoadList.filter((m) => m === 'NativeModule assert' || m === 'NativeModule child_process');
  tell();
});
for (const [name, key] of [['Segmenter', 'segmenters'], ['Collator', 'collators']]) {
  const Real = Intl[name];
  Intl[name] = new Proxy(Real, {
    construct: (target, args, newTarget) => (counts[key]++, tell(), Reflect.construct(target, args, newTarget)),
    apply: (target, self, args) => (counts[key]++, tell(), Reflect.apply(target, self, args)),
  });
}
const localeCompare = String.prototype.localeCompare;
String.prototype.localeCompare = function (...args) { counts.localeCompare++; tell(); return localeCompare.apply(this, args); };
tell();
`;

type Counts = { segmenters: number; collators: number; localeCompare: number; propertyPatterns: string[]; unneeded: string[] };

describe('ICU unused by a lesson of plain text, in the built course', { skip: tmuxMissing() }, () => {
  it('makes no segmenter or collator and compares no strings by locale through lesson 4, and segments an emoji when one is typed', async () => {
    const dir = tempDir('npl-icu-');
    const preload = join(dir, 'count-icu.mjs');
    const log = join(dir, 'counts.json');
    writeFileSync(preload, COUNTER);
    const home = tempDir('npl-home-');
    writeFileSync(join(home, 'progress.json'), JSON.stringify({ version: 1, lessons: {}, last: { lesson: 'expose-imperatively', step: 'expose-the-pod' } }));
    const counts = (): Counts => JSON.parse(readFileSync(log, 'utf8')) as Counts;
    const term = new Terminal(
      `node --import ${pathToFileURL(preload).href} ${CLI} --seed 3`,
      { columns: 100, rows: 30 },
      {
        NODEPORT_LAB_HOME: home,
        NPL_ICU_LOG: log,
      },
    );
    const type = async (line: string, until: (screen: string) => boolean): Promise<string> => {
      term.keys('-l', line);
      term.keys('Enter');
      return term.waitFor(until);
    };
    try {
      await term.waitFor((s) => s.includes('Continue lesson'));
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Expose the pod with one command'));
      await type('kubectl expose pod my-first-pod --type=NodePort --port=80 --name=my-first-service', (s) => s.includes('Goal reached'));
      await type('kubectl get ep', (s) => /my-first-service\s+\d+\.\d+\.\d+\.\d+:80/.test(s));
      await type('kubectl describe svc my-first-service', (s) => s.includes('Endpoints:'));
      await type('kubectl get endpointslices', (s) => s.includes('my-first-service-'));
      await type('kubectl get svc -o wide', (s) => s.includes('SELECTOR'));
      // On through a read step to the next do step.
      term.keys('Enter');
      await term.waitFor((s) => s.includes('Who picks the node port?'));
      term.keys('Right'); // over the deep dive on how the port is drawn
      await term.waitFor((s) => s.includes('Find the node port'));
      await type('kubectl describe svc my-first-service', (s) => s.includes('Goal reached') || s.includes('Endpoints:'));
      assert.deepEqual(counts(), { segmenters: 0, collators: 0, localeCompare: 0, propertyPatterns: [], unneeded: [] }, 'nothing of ICU for the lesson');

      // The counter sees what it counts: an emoji in a line the course shows is segmented by ICU.
      await type('kubectl get pod 👩‍💻', (s) => s.includes('not found'));
      assert.equal(counts().segmenters, 1, 'one segmenter, made for the text that needs it');
      assert.ok(counts().propertyPatterns.length > 0, 'the emoji is measured by the patterns of Unicode properties');
      term.keys('Escape');
      await term.waitFor((s) => s.includes('lesson keys: i to type again'));
      term.keys('q');
      await term.exited();
      assert.deepEqual(counts().unneeded, [], 'neither node:assert nor node:child_process loaded');
    } finally {
      term.close();
    }
  });
});
