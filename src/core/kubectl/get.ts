// kubectl get

import { formatLabels } from '../cluster/index.js';
import type { CommandDef, CommandContext, KubectlResult } from './command.js';
import { fail, Output } from './command.js';
import { apiErrorText, clientError } from './errors.js';
import { flagBool, flagValue } from './flags.js';
import type { JsonValue } from './go-yaml.js';
import { GET_HELP } from './help.js';
import { requestNamespace } from './namespace.js';
import { followWatch } from './watch.js';
import { parseSelector, selectorMatches, selectorRefusal } from './label-selector.js';
import { getItem, itemLabels, itemName, itemView, listItems, missingObject, type Item } from './lookup.js';
import { listOf, parseOutput, printData } from './output-format.js';
import { ignoringNotFound, notFoundLast } from './not-found-last.js';
import { customColumns, jsonpathAsJson, matchesFields, parseFieldSelector, selectableField, sortItems } from './get-options.js';
import { qualifiedSingular, resolveType, RESOURCE_TYPES, unknownTypeMessage, type ResourceType } from './resources.js';
import { ENDPOINTS_TABLE, NODE_TABLE, POD_TABLE, SERVICE_TABLE, tableCells, tableColumns, type TableDef } from './tables.js';
import { DAEMONSET_TABLE, DEPLOYMENT_TABLE, ENDPOINTSLICE_TABLE, EVENT_TABLE, NAMESPACE_TABLE, REPLICASET_TABLE } from './workload-tables.js';
import { formatTable } from './tabwriter.js';

interface Request {
  readonly type: ResourceType | 'empty';
  readonly typeName: string;
  readonly names: readonly string[];
}

export function tableFor(kind: Item['kind']): TableDef<never> {
  switch (kind) {
    case 'Pod':
      return POD_TABLE;
    case 'Service':
      return SERVICE_TABLE;
    case 'Node':
      return NODE_TABLE;
    case 'Endpoints':
      return ENDPOINTS_TABLE;
    case 'Deployment':
      return DEPLOYMENT_TABLE;
    case 'ReplicaSet':
      return REPLICASET_TABLE;
    case 'Namespace':
      return NAMESPACE_TABLE;
    case 'EndpointSlice':
      return ENDPOINTSLICE_TABLE;
    case 'Event':
      return EVENT_TABLE;
    case 'DaemonSet':
      return DAEMONSET_TABLE;
  }
}

/** Splits `pods,svc a b` or `pod/a svc/b` into requests. */
export function parseResourceArgs(args: readonly string[]): { ok: true; requests: Request[] } | { ok: false; error: string } {
  const requests: Request[] = [];
  if (args.some((a) => a.includes('/'))) {
    for (const arg of args) {
      const slash = arg.indexOf('/');
      if (slash < 0)
        return {
          ok: false,
          error: `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        };
      const typeName = arg.slice(0, slash);
      const type = resolveType(typeName);
      if (!type) return { ok: false, error: unknownTypeMessage(typeName) };
      requests.push({ type, typeName, names: [arg.slice(slash + 1)] });
    }
    return { ok: true, requests };
  }
  const [types = '', ...names] = args;
  for (const typeName of types.split(',')) {
    if (typeName === 'all') {
      // The `all` category, in kubectl's order (daemonsets between services and deployments).
      for (const t of ['pods', 'services', 'daemonsets', 'deployments', 'replicasets'])
        requests.push({ type: resolveType(t) as ResourceType, typeName: t, names });
      continue;
    }
    const type = resolveType(typeName);
    if (!type) return { ok: false, error: unknownTypeMessage(typeName) };
    requests.push({ type, typeName, names });
  }
  return { ok: true, requests };
}

function run(ctx: CommandContext): KubectlResult {
  const first = ignoringNotFound(ctx, notFoundLast(runOnce(ctx)));
  const f = parseOutput(flagValue(ctx.parsed, 'output'), true);
  const table = f.ok && (f.format.kind === 'default' || f.format.kind === 'wide');
  return flagBool(ctx.parsed, 'watch') && first.exitCode === 0 && table ? followWatch(ctx, first, runOnce) : first;
}

function runOnce(ctx: CommandContext): KubectlResult {
  const { cluster, parsed } = ctx;
  const out = new Output();
  const args = parsed.positional;
  if (args.length === 0) {
    return fail(
      cluster,
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        clientError(
          'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
        ),
    );
  }
  const format = parseOutput(flagValue(parsed, 'output'), true);
  if (!format.ok) return fail(cluster, clientError(format.error));
  const labelSelector = flagValue(parsed, 'selector') ?? '';
  const selector = parseSelector(labelSelector);
  const parsedArgs = parseResourceArgs(args);
  if (!parsedArgs.ok) return fail(cluster, clientError(parsedArgs.error));
  const requests = parsedArgs.requests;
  // The server refuses the list of each type the selector was sent with.
  if (!selector.ok) {
    const fieldSelector = flagValue(parsed, 'field-selector') ?? '';
    const refusals = requests.flatMap((r) => (r.type === 'empty' ? [] : [`${selectorRefusal(r.type, labelSelector, fieldSelector, selector.error)}\n`]));
    return fail(cluster, refusals.join(''));
  }
  // --field-selector goes with the list too: the server refuses a field its kind cannot be selected
  // by, whether or not anything would match.
  const fieldSelector = flagValue(parsed, 'field-selector') ?? '';
  const fields = parseFieldSelector(fieldSelector);
  if (!fields.ok) return fail(cluster, clientError(fields.error));
  const unsupported = requests.flatMap(({ type }) => {
    if (type === 'empty') return [];
    const field = fields.requirements.find((req) => !selectableField(type.kind, req.field));
    return field ? [`${selectorRefusal(type, labelSelector, fieldSelector, `field label not supported: ${field.field}`)}\n`] : [];
  });
  if (unsupported.length > 0) return fail(cluster, unsupported.join(''));
  const allNamespaces = flagBool(parsed, 'all-namespaces');
  const namespace = requestNamespace(parsed, ctx.io);
  const byName = requests.some((r) => r.names.length > 0);
  // cli-runtime's resource builder: names and --all-namespaces do not go together.
  if (allNamespaces && byName) return fail(cluster, clientError('a resource cannot be retrieved by name across all namespaces'));
  const multiKind = new Set(requests.map((r) => r.typeName)).size > 1 || args[0] === 'all' || args.some((a) => a.includes('/'));

  const found: Item[] = [];
  for (const request of requests) {
    if (request.type === 'empty') {
      for (const name of request.names) out.err(`Error from server (NotFound): ${request.typeName} "${name}" not found`);
      continue;
    }
    const type = request.type;
    if (request.names.length > 0) {
      for (const name of request.names) {
        const item = getItem(cluster, type, name, namespace);
        if (item) found.push(item);
        else out.err(apiErrorText(missingObject(cluster, type, name, namespace)));
      }
    } else {
      // One push an item: spreading a list of 100,000 into push's arguments overflows the stack.
      for (const item of listItems(cluster, type, allNamespaces ? undefined : namespace))
        if (selectorMatches(selector.requirements, itemLabels(item))) found.push(item);
    }
  }

  // --field-selector and --sort-by work on the list the server sent.
  if (fields.requirements.length > 0) found.splice(0, found.length, ...found.filter((i) => matchesFields(cluster, i, fields.requirements)));
  const sortBy = flagValue(parsed, 'sort-by');
  if (sortBy !== undefined && sortBy !== '') {
    const sorted = sortItems(cluster, found, sortBy);
    if (!sorted.ok) return fail(cluster, clientError(sorted.error));
    found.splice(0, found.length, ...sorted.items);
  }

  const f = format.format;
  if (f.kind === 'custom-columns') {
    if (found.length === 0) {
      if (!byName) out.err(allNamespaces ? 'No resources found' : `No resources found in ${namespace} namespace.`, false);
      return out.result(cluster);
    }
    const printed = customColumns(cluster, found, f.spec, flagBool(parsed, 'no-headers'));
    if (!printed.ok) out.err(clientError(printed.error));
    else out.stdout += printed.text;
    return out.result(cluster);
  }
  if (f.kind === 'jsonpath-as-json') {
    const views: JsonValue[] = found.map((i) => itemView(cluster, i));
    const single = byName && requests.length === 1 && (requests[0]?.names.length ?? 0) === 1;
    const printed = jsonpathAsJson(single ? (views[0] as JsonValue) : listOf(views), f.template);
    if (!printed.ok) out.err(clientError(printed.error));
    else out.stdout += printed.text;
    return out.result(cluster);
  }
  if (f.kind === 'yaml' || f.kind === 'json' || f.kind === 'jsonpath') {
    const views: JsonValue[] = found.map((i) => itemView(cluster, i));
    const single = byName && requests.length === 1 && (requests[0]?.names.length ?? 0) === 1;
    if (found.length === 0 && !byName) {
      if (f.kind !== 'jsonpath') out.out(printData(f, listOf([]), true).ok ? (printData(f, listOf([]), true) as { text: string }).text : '');
      return out.result(cluster);
    }
    if (found.length === 0) return out.result(cluster);
    const printed = printData(f, single ? (views[0] as JsonValue) : listOf(views), true);
    if (!printed.ok) out.err(clientError(printed.error));
    else out.write(printed.text);
    return out.result(cluster);
  }

  if (found.length === 0) {
    if (!byName) {
      const scoped = requests.every((r) => r.type !== 'empty' && !r.type.namespaced);
      out.err(allNamespaces || scoped ? 'No resources found' : `No resources found in ${namespace} namespace.`, false);
    }
    return out.result(cluster);
  }

  if (f.kind === 'name') {
    for (const item of found) out.out(`${singularOf(item)}/${itemName(item)}`);
    return out.result(cluster);
  }

  const wide = f.kind === 'wide';
  const showLabels = flagBool(parsed, 'show-labels');
  const noHeaders = flagBool(parsed, 'no-headers');
  const blocks: string[] = [];
  let index = 0;
  while (index < found.length) {
    const kind = found[index]?.kind;
    const group: Item[] = [];
    while (index < found.length && found[index]?.kind === kind) group.push(found[index++] as Item);
    const first = group[0];
    if (!first) break;
    const table = tableFor(first.kind);
    const header = [...tableColumns(table, wide).map((c) => c.name), ...(showLabels ? ['LABELS'] : [])];
    // Cluster-scoped kinds have no NAMESPACE column, even with -A.
    const namespaceColumn = allNamespaces && first.kind !== 'Node' && first.kind !== 'Namespace';
    if (namespaceColumn) header.unshift('NAMESPACE');
    const rows: string[][] = noHeaders ? [] : [header];
    for (const item of group) {
      const row = [...tableCells(table, item.obj as never, cluster, wide), ...(showLabels ? [formatLabels(itemLabels(item))] : [])];
      if (multiKind) row[0] = `${singularOf(item)}/${row[0] ?? ''}`;
      if (namespaceColumn) row.unshift(item.obj.metadata.namespace);
      rows.push(row);
    }
    blocks.push(formatTable(rows));
  }
  out.write(blocks.join('\n'));
  return out.result(cluster);
}

function singularOf(item: Item): string {
  const type = RESOURCE_TYPES.find((t) => t.kind === item.kind);
  return type ? qualifiedSingular(type) : item.kind.toLowerCase();
}

export const getCommand: CommandDef = {
  name: 'get',
  flags: [
    { name: 'output', short: 'o', kind: 'string' },
    { name: 'selector', short: 'l', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' },
    { name: 'show-labels', kind: 'bool' },
    { name: 'no-headers', kind: 'bool' },
    { name: 'watch', short: 'w', kind: 'bool' },
    { name: 'ignore-not-found', kind: 'bool' },
    { name: 'show-kind', kind: 'bool' },
    { name: 'sort-by', kind: 'string' },
    { name: 'field-selector', kind: 'string' },
  ],
  help: GET_HELP,
  run,
};
