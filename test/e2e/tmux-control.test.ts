// The test terminals' control-mode client against tmux run alone: the same answers, quotes and
// spaces carried whole, keys reaching the pane, and a command tmux refuses raised as an error.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { TmuxControl } from '../helpers/tmux-control.js';
import { tempDir } from '../helpers/temp.js';

const tmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
const missing = tmux.error || tmux.status !== 0 ? 'tmux is not installed' : false;

describe('a tmux control-mode client', { skip: missing }, () => {
  const socket = `npl-control-${process.pid}`;
  const alone = (...args: string[]) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  let client: TmuxControl | undefined;

  before(() => {
    alone('new-session', '-d', '-x', '60', '-y', '10', 'cat');
    client = TmuxControl.attach(socket, tempDir('npl-control-'));
  });
  after(() => {
    client?.close();
    spawnSync('tmux', ['-L', socket, '-f', '/dev/null', 'kill-server']);
  });

  it('attaches to a tmux of 3.2 or later', (t) => {
    const [major = 0, minor = 0] = (/(\d+)\.(\d+)/.exec(tmux.stdout) ?? []).slice(1).map(Number);
    if (major < 3 || (major === 3 && minor < 2)) t.skip('tmux before 3.2: the terminals fork a tmux per command');
    else assert.ok(client);
  });

  it('answers as tmux run alone does, and leaves the window its size', () => {
    if (!client) return;
    const format = '#{window_width}x#{window_height} #{session_name}';
    assert.equal(client.run(['display', '-p', format]), alone('display', '-p', format));
    assert.match(client.run(['display', '-p', format]), /^60x10 /);
  });

  it('sends keys with quotes and spaces whole, and reads the screen back', () => {
    if (!client) return;
    const text = `it's "quoted"  twice`;
    client.run(['send-keys', '-l', text]);
    client.run(['send-keys', 'Enter']);
    for (let i = 0; i < 200 && !alone('capture-pane', '-p').includes(`${text}\n${text}`); i++) execFileSync('sleep', ['0.02']);
    const screen = client.run(['capture-pane', '-p']);
    assert.equal(screen, alone('capture-pane', '-p'));
    assert.ok(screen.includes(`${text}\n${text}`), screen);
  });

  it('raises what tmux refuses, and goes on answering', () => {
    if (!client) return;
    assert.throws(() => client?.run(['no-such-command']), /no-such-command/);
    assert.match(client.run(['display', '-p', '#{session_name}']), /\S/);
  });

  it('says which commands it can carry: one line each', () => {
    assert.equal(TmuxControl.carries(['send-keys', 'a b']), true);
    assert.equal(TmuxControl.carries(['send-keys', 'a\nb']), false);
  });
});
