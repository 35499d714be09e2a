// Tools a learner reaches for that this lab does not have: a text editor, wget. Each answers
// in one honest line with the way that works here, in place of a bare "command not found".

const EDITORS = new Set(['vi', 'vim', 'nano', 'emacs']);

/** The line for a tool the lab lacks, or undefined for a command it does not know at all. */
export function missingTool(command: string): string | undefined {
  if (EDITORS.has(command)) {
    return (
      `${command}: this lab has no text editor, and its files cannot be changed; change a live Service with\n` +
      `kubectl patch (kubectl patch svc NAME -p '{"spec":{"type":"NodePort"}}'), or delete it and create it\n` +
      'again (kubectl expose); cat FILE shows a manifest\n'
    );
  }
  if (command === 'wget') return 'wget: not in this lab; curl makes the same request (curl http://NODE-IP:NODE-PORT)\n';
  return undefined;
}
