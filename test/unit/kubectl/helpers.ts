// Runs kubectl command lines against one evolving cluster, for tests.

import { advanceClock, createCluster, type Cluster } from '../../../src/core/cluster/index.js';
import { runKubectl, splitShellWords, type KubectlResult } from '../../../src/core/kubectl/index.js';
import { lectureManifest } from '../../helpers/fixtures.js';

export class Session {
  cluster: Cluster;
  /** The kubeconfig context's namespace (absent: `default`). */
  namespace: string | undefined;
  constructor(
    seed = 1,
    private readonly files: Record<string, string> = {},
  ) {
    this.cluster = createCluster({ seed });
  }

  run(line: string): KubectlResult {
    const words = splitShellWords(line);
    if (!words.ok) throw new Error(words.error);
    const [first, ...rest] = words.words;
    const args = first === 'kubectl' ? rest : words.words;
    const result = runKubectl(this.cluster, args, {
      readFile: (p) => this.files[p] ?? { error: 'not-found' },
      ...(this.namespace !== undefined ? { namespace: this.namespace } : {}),
    });
    this.cluster = result.cluster;
    return result;
  }

  /** Writes a file the next commands read (-f). */
  write(path: string, text: string): void {
    this.files[path] = text;
  }

  wait(seconds: number): void {
    this.cluster = advanceClock(this.cluster, seconds * 1000);
  }
}

export const LECTURE_POD = lectureManifest('pod-definition.yml');

export const LECTURE_SERVICE = lectureManifest('pod-nodeport-service.yml');
