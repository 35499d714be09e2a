// What a bin script would have to do to use the snapshot: start a second Node from the blob, with
// the terminal handed down, and leave with its status (bench/snapshot/first-frame.mjs times it).
import { spawnSync } from 'node:child_process';

const [blob = '', ...args] = process.argv.slice(2);
const run = spawnSync(process.execPath, ['--snapshot-blob', blob, ...args], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
