// Where nodeport-lab keeps its files: NODEPORT_LAB_HOME, else the platform's config directory; and
// what it can always make again (V8's code cache): NODEPORT_LAB_HOME/cache, else the platform's
// cache directory.
import envPaths from 'env-paths';
import { join } from 'node:path';

export function labHome(env: NodeJS.ProcessEnv): string {
  const override = env.NODEPORT_LAB_HOME;
  if (override) return override;
  return envPaths('nodeport-lab', { suffix: '' }).config;
}

export function labCache(env: NodeJS.ProcessEnv): string {
  const override = env.NODEPORT_LAB_HOME;
  if (override) return join(override, 'cache');
  return envPaths('nodeport-lab', { suffix: '' }).cache;
}
