// Timing a command in a real pseudo-terminal (util-linux `script`, 100x30), for the start-up benches.
import { spawn } from 'node:child_process';

/**
 * ms from spawn until `done(output)` holds on what the command drew, or until it exits when `done`
 * is 'exit'. The command runs with NODEPORT_LAB_HOME set to `home`.
 * @param {string} command
 * @param {'exit' | ((output: string) => boolean)} done
 * @param {string} home
 * @returns {Promise<number>}
 */
export function inPty(command, done, home) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', `stty cols 100 rows 30; exec ${command}`, '/dev/null'], {
      env: { ...process.env, NODEPORT_LAB_HOME: home },
      stdio: ['pipe', 'pipe', 'inherit'],
      detached: true,
    });
    let output = '';
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // already gone
      }
      resolve(ms);
    };
    child.stdout.on('data', (chunk) => {
      output += chunk.toString('utf8');
      if (done !== 'exit' && done(output)) finish();
    });
    child.on('error', reject);
    child.on('close', () => (done === 'exit' ? finish() : finished || reject(new Error(`${command}: exited before the first frame\n${output}`))));
  });
}

/** The median of a list of numbers. @param {number[]} xs */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
