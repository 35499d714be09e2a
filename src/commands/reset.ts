// `nodeport-lab reset`: forgets progress, after asking on a terminal.
import { createInterface } from 'node:readline/promises';
import { progressFile, resetProgress } from '../core/progress/store.js';

export async function reset(home: string, yes: boolean, interactive: boolean): Promise<number> {
  const file = progressFile(home);
  if (!yes) {
    if (!interactive) {
      process.stderr.write('nodeport-lab: reset needs --yes when not run in a terminal\n');
      return 2;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question('Forget all your progress in nodeport-lab? [y/N] ').catch(() => '');
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      process.stdout.write('Nothing was changed.\n');
      return 1;
    }
  }
  const result = resetProgress(file);
  if (!result.ok) {
    process.stderr.write(`nodeport-lab: ${result.message}\n`);
    return 1;
  }
  process.stdout.write('Progress forgotten. The course starts from the beginning next time.\n');
  return 0;
}
