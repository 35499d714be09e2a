// Key press to changed screen, in tmux: the course's lesson, sandbox and quiz screens against a
// raw-mode Node program that only echoes a counter (the floor of any terminal program).
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli.js');
const presses = Number(process.env.BENCH_KEYS ?? 20);
const home = mkdtempSync(join(tmpdir(), 'npl-keys-'));

function session(command) {
  const socket = `npl-keys-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-x', '100', '-y', '30', `NODEPORT_LAB_HOME=${home} exec ${command}`);
  return { tmux, screen: () => tmux('capture-pane', '-p'), close: () => tmux('kill-server') };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function until(s, check, ms = 10000) {
  const start = Date.now();
  while (!check(s.screen())) {
    if (Date.now() - start > ms) throw new Error(`timed out; screen:\n${s.screen()}`);
    await sleep(5);
  }
}

/** Median ms from send-keys to the first capture that differs, over alternating keys. */
async function latency(s, keys) {
  const times = [];
  for (let i = 0; i < presses; i++) {
    const before = s.screen();
    const start = process.hrtime.bigint();
    s.tmux('send-keys', keys[i % keys.length]);
    while (s.screen() === before) {
      if (Number(process.hrtime.bigint() - start) / 1e6 > 3000) throw new Error('no change after a key');
    }
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    await sleep(30);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const echo = `node -e "let n=0;process.stdin.setRawMode(true);process.stdin.on('data',()=>process.stdout.write('\\\\x1b[H'+(++n)+' '))"`;
const results = {};
let s = session(echo);
try {
  await sleep(300);
  results['raw-mode echo (the floor)'] = await latency(s, ['a']);
} finally {
  s.close();
}
s = session(`node ${cli} --seed 1`);
try {
  await until(s, (x) => x.includes('hands on'));
  s.tmux('send-keys', 'Enter');
  await until(s, (x) => x.includes('step 1/'));
  results['lesson: next and back'] = await latency(s, ['Right', 'Left']);
} finally {
  s.close();
}
s = session(`node ${cli} sandbox --seed 1`);
try {
  await until(s, (x) => x.includes('Type help'));
  results['sandbox: typing'] = await latency(s, ['a', 'BSpace']);
} finally {
  s.close();
}
s = session(`node ${cli} quiz --seed 1`);
try {
  await until(s, (x) => x.includes('Question 1'));
  results['quiz: choosing'] = await latency(s, ['Down', 'Up']);
} finally {
  s.close();
}
const floor = results['raw-mode echo (the floor)'];
console.log(`nodeport-lab key latency · tmux capture-pane polling · ${presses} presses a screen (medians)`);
for (const [name, ms] of Object.entries(results)) {
  console.log(
    `${name.padEnd(28)} ${ms.toFixed(1).padStart(6)} ms${name.includes('floor') ? '' : `   +${(ms - floor).toFixed(1)} ms over the floor   (aim: +6 ms)`}`,
  );
}
