// cobra's "Did you mean this?" suggestions: Levenshtein distance at most 2
// (case-insensitive) or a prefix match, in command registration order.

export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
  }
  return d[s.length]?.[t.length] ?? 0;
}

export function suggestionsFor(typed: string, commands: readonly string[]): string[] {
  return commands.filter((name) => levenshtein(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()));
}

/** kubectl's root commands, in the order they are registered (which is the suggestion order). */
export const KUBECTL_COMMANDS: readonly string[] = [
  'create', 'expose', 'run', 'set', 'explain', 'get', 'edit', 'delete', 'rollout', 'scale', 'autoscale', 'certificate',
  'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint', 'describe', 'logs', 'attach', 'exec', 'port-forward',
  'proxy', 'cp', 'auth', 'debug', 'events', 'diff', 'apply', 'patch', 'replace', 'wait', 'kustomize', 'label', 'annotate',
  'completion', 'alpha', 'config', 'plugin', 'version', 'api-versions', 'api-resources', 'options', 'help',
];

export function unknownCommandMessage(typed: string): string {
  // cobra never suggests the help command (IsAvailableCommand is false for it).
  const suggestions = suggestionsFor(typed, KUBECTL_COMMANDS.filter((c) => c !== 'alpha' && c !== 'help'));
  let text = `error: unknown command "${typed}" for "kubectl"`;
  if (suggestions.length > 0) text += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}
