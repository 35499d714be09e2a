// cobra's "Did you mean this?" suggestions: Levenshtein distance at most 2
// (case-insensitive) or a prefix match, in command registration order.
import { editDistance } from '../edit-distance.js';

export function suggestionsFor(typed: string, commands: readonly string[]): string[] {
  return commands.filter((name) => editDistance(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()));
}

/** kubectl's root commands, in the order they are registered (which is the suggestion order). */
export const KUBECTL_COMMANDS: readonly string[] = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'alpha',
  'config',
  'plugin',
  'version',
  'api-versions',
  'api-resources',
  'options',
  'help',
];

export function unknownCommandMessage(typed: string): string {
  // cobra never suggests the help command (IsAvailableCommand is false for it).
  const suggestions = suggestionsFor(
    typed,
    KUBECTL_COMMANDS.filter((c) => c !== 'alpha' && c !== 'help'),
  );
  let text = `error: unknown command "${typed}" for "kubectl"`;
  if (suggestions.length > 0) text += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}
