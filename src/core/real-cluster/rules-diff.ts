// The node's real kube-proxy rules beside the ones the tracer works from: the rules of the
// course's namespace (their comments name it), each marked as in both, ours only, or the node's
// only. Read from `iptables-save` text, so it is tested on recorded output.

export interface RuleLine {
  readonly mark: 'both' | 'ours' | 'node';
  readonly rule: string;
}

/** The `-A KUBE-...` rules whose comment names a service of the namespace. */
export function namespaceRules(save: string, namespace: string): string[] {
  const tag = `"${namespace}/`;
  return save
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => l.startsWith('-A KUBE-') && l.includes(tag));
}

/** Ours in our order, then the node's that we lack. */
export function rulesDiff(ours: string, node: string, namespace: string): RuleLine[] {
  const mine = namespaceRules(ours, namespace);
  const theirs = namespaceRules(node, namespace);
  const theirSet = new Set(theirs);
  const mineSet = new Set(mine);
  return [
    ...mine.map((rule): RuleLine => ({ mark: theirSet.has(rule) ? 'both' : 'ours', rule })),
    ...theirs.filter((r) => !mineSet.has(r)).map((rule): RuleLine => ({ mark: 'node', rule })),
  ];
}

export function formatRulesDiff(lines: readonly RuleLine[], nodeName: string): string {
  if (lines.length === 0) return `No kube-proxy rule on ${nodeName} or in the trace names the course's namespace yet.\n`;
  const same = lines.every((l) => l.mark === 'both');
  const head = same
    ? `${nodeName}'s own rules (docker exec ${nodeName} iptables-save) match the trace's, rule for rule:`
    : `${nodeName}'s own rules (docker exec ${nodeName} iptables-save) beside the trace's; "-" only in the trace, "+" only on the node:`;
  const sign = { both: ' ', ours: '-', node: '+' } as const;
  return `${head}\n${lines.map((l) => `${sign[l.mark]} ${l.rule}`).join('\n')}\n`;
}
