// kubectl explain service.spec.ports[.field]

import type { CommandContext, CommandDef, KubectlResult } from './command.js';
import { clientError } from './errors.js';
import { EXPLAIN_HELP } from './help.js';
import { SERVICE_DOC, type FieldDoc } from './explain-docs.js';
import { resolveType, unknownTypeMessage } from './resources.js';

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    if (paragraph === '') {
      lines.push(indent.trimEnd() === '' ? indent : '');
      continue;
    }
    const lead = paragraph.match(/^\s*/)?.[0] ?? '';
    let line = '';
    for (const word of paragraph.trim().split(/\s+/)) {
      if (line !== '' && (lead + line + ' ' + word).length > width) {
        lines.push(indent + lead + line);
        line = word;
      } else line = line === '' ? word : `${line} ${word}`;
    }
    lines.push(indent + lead + line);
  }
  return lines.map((l) => `${l}\n`).join('');
}

export function explainText(kind: string, fieldName: string | undefined, doc: FieldDoc): string {
  let text = `KIND:       ${kind}\nVERSION:    v1\n\n`;
  if (fieldName !== undefined) text += `FIELD: ${fieldName} <${doc.type}>\n\n`;
  text += `DESCRIPTION:\n${wrap(doc.description, 76, '    ')}    \n`;
  if (doc.fields) {
    text += 'FIELDS:\n';
    for (const name of Object.keys(doc.fields).sort()) {
      const field = doc.fields[name] as FieldDoc;
      text += `  ${name}\t<${field.type}>${field.required ? ' -required-' : ''}\n${wrap(field.description, 76, '    ')}\n`;
    }
  }
  return text;
}

function run(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const fail = (stderr: string): KubectlResult => ({ cluster, stdout: '', stderr, exitCode: 1 });
  const [target] = parsed.positional;
  if (target === undefined) {
    return fail(clientError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.'));
  }
  const [typeName = '', ...path] = target.split('.');
  const type = resolveType(typeName);
  if (!type || type === 'empty') return fail(clientError(unknownTypeMessage(typeName)));
  if (type.kind !== 'Service') return fail(clientError(`explain is simulated for services only (try: kubectl explain service.spec.ports)`));
  let doc: FieldDoc = SERVICE_DOC;
  for (const part of path) {
    const next = doc.fields?.[part];
    if (!next) return fail(clientError(`field "${part}" does not exist`));
    doc = next;
  }
  return { cluster, stdout: explainText('Service', path[path.length - 1], doc), stderr: '', exitCode: 0 };
}

export const explainCommand: CommandDef = {
  name: 'explain',
  flags: [
    { name: 'recursive', kind: 'bool' },
    { name: 'api-version', kind: 'string' },
    { name: 'output', short: 'o', kind: 'string' },
  ],
  help: EXPLAIN_HELP,
  run,
};
