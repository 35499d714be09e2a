// Suspended and continued in a shell's job control (kill -TSTP, then fg): the course hands the
// terminal back cooked while it is stopped, and on fg takes raw mode back and draws its frame whole.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, tmuxMissing } from '../helpers/tmux.js';
import { tempDir } from '../helpers/temp.js';

// A server of its own for each test: a new session on the socket of a server still winding down
// from the test before meets "server exited unexpectedly".
let socket = '';
let sockets = 0;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const newServer = () => (socket = `npl-suspend-${process.pid}-${sockets++}`);
const screen = (): string => tmux('capture-pane', '-p', '-t', 's');

async function until(test: (s: string) => boolean, what: string): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const s = screen();
    if (test(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what}; the screen was:\n${screen()}`);
}

/**
 * The course's process: the child of this pane's shell. Found by parent, not by command line, since
 * other test files run the same CLI with the same seed at the same time, and a signal sent to one of
 * theirs would stop the wrong course.
 */
function coursePid(): number {
  const shell = tmux('display-message', '-p', '-t', 's', '#{pane_pid}').trim();
  const children = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  assert.equal(children.length, 1, `the pane's shell (${shell}) runs the course alone: ${children.join(' ')}`);
  return Number(children[0]);
}

describe('suspend and fg in a real terminal', { skip: tmuxMissing() || (spawnSync('bash', ['--version']).status !== 0 && 'no bash') }, () => {
  it('stops with a sane terminal and comes back drawn whole, taking keys', async () => {
    const dir = tempDir('npl-suspend-');
    newServer();
    tmux('new-session', '-d', '-s', 's', '-x', '80', '-y', '24', 'bash --norc --noprofile -i');
    try {
      tmux('send-keys', '-t', 's', `NODEPORT_LAB_HOME=${dir} node ${CLI} --seed 4`, 'Enter');
      await until((s) => s.includes('Why a pod needs a Service'), 'the lesson list');
      process.kill(coursePid(), 'SIGTSTP');
      await until((s) => /Stopped/.test(s), 'the shell says the job stopped');
      tmux('send-keys', '-t', 's', `stty -a > ${dir}/stty`, 'Enter');
      await until((s) => /[$#]$/.test(s.trimEnd()), 'the shell prompt');
      await new Promise((r) => setTimeout(r, 300));
      const modes = readFileSync(join(dir, 'stty'), 'utf8').split(/\s+/);
      assert.ok(modes.includes('icanon') && modes.includes('echo'), 'cooked while stopped');
      tmux('send-keys', '-t', 's', 'fg', 'Enter');
      const back = await until((s) => s.includes('Welcome back') && s.includes('Why a pod needs a Service'), 'the frame drawn again');
      assert.ok(!back.includes('Stopped'), "the shell's lines are gone from the frame");
      tmux('send-keys', '-t', 's', 'j');
      await until((s) => /›\s+2\s+The three Service types/.test(s), 'a key moves the cursor (raw mode is back)');
      tmux('send-keys', '-t', 's', 'q');
      await until((s) => /[$#]$/.test(s.trimEnd()), 'the course quits to the prompt');
    } finally {
      tmux('kill-server');
    }
  });

  it('the sandbox comes back too, its prompt taking commands', async () => {
    const dir = tempDir('npl-suspend-');
    newServer();
    tmux('new-session', '-d', '-s', 's', '-x', '80', '-y', '24', 'bash --norc --noprofile -i');
    try {
      tmux('send-keys', '-t', 's', `NODEPORT_LAB_HOME=${dir} node ${CLI} sandbox --seed 7`, 'Enter');
      await until((s) => s.includes('Type help'), 'the sandbox');
      process.kill(coursePid(), 'SIGTSTP');
      await until((s) => /Stopped/.test(s), 'the shell says the job stopped');
      tmux('send-keys', '-t', 's', 'fg', 'Enter');
      await until((s) => s.includes('Back from the background'), 'the sandbox says it is back');
      tmux('send-keys', '-t', 's', 'kubectl get nodes', 'Enter');
      await until((s) => s.includes('worker-2'), 'a command runs after fg');
      tmux('send-keys', '-t', 's', 'exit', 'Enter');
      await until((s) => /[$#]$/.test(s.trimEnd()), 'the sandbox leaves to the prompt');
    } finally {
      tmux('kill-server');
    }
  });
});
