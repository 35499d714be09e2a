// Where nodeport-lab keeps its files: NODEPORT_LAB_HOME, else the platform's config directory.
import envPaths from 'env-paths';

export function labHome(env: NodeJS.ProcessEnv): string {
  const override = env.NODEPORT_LAB_HOME;
  if (override) return override;
  return envPaths('nodeport-lab', { suffix: '' }).config;
}
