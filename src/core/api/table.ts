// A `kubectl get` answer as the API server gives it when asked for a Table
// (Accept: application/json;as=Table;v=v1;g=meta.k8s.io): the same columns and cells the
// sandbox prints, so the learner's own kubectl prints exactly what the sandbox does.

import type { Cluster } from '../cluster/index.js';
import type { JsonValue } from '../kubectl/go-yaml.js';
import { itemLabels, itemName, type Item } from '../kubectl/lookup.js';
import { tableCells, tableColumns, type TableDef } from '../kubectl/tables.js';
import { tableFor } from '../kubectl/get.js';
import { rfc3339 } from '../kubectl/duration.js';
import { objectView } from './objects.js';

type Json = { [key: string]: JsonValue };

/** The same table `kubectl get` prints in the sandbox (kubectl/get.ts): one source of columns and cells. */
export const tableDefFor = (kind: Item['kind']): TableDef<never> => tableFor(kind);

/** What the server says of each column (printers.go's TableColumnDefinition), in kubectl's header words. */
function columnDefinition(header: string, priority: number): Json {
  const name = header === 'NAME' ? 'Name' : header.charAt(0) + header.slice(1).toLowerCase();
  return { name, type: 'string', format: header === 'NAME' ? 'name' : '', description: '', priority };
}

/** The row's object as PartialObjectMetadata: kubectl reads labels from it for --show-labels and -L. */
function partialMetadata(item: Item): Json {
  const meta = item.obj.metadata;
  const metadata: Json = { name: itemName(item) };
  if (item.kind !== 'Node' && meta.namespace !== '') metadata.namespace = meta.namespace;
  if ('uid' in meta) metadata.uid = meta.uid;
  if ('resourceVersion' in meta) metadata.resourceVersion = meta.resourceVersion;
  metadata.creationTimestamp = rfc3339(meta.creationTimestamp);
  const labels = itemLabels(item);
  if (Object.keys(labels).length > 0) metadata.labels = { ...labels };
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}

/** A meta.k8s.io/v1 Table of items of one kind; wide columns carry priority 1, as the server marks them. */
/**
 * The Table kubectl asks for. Its rows carry each object as PartialObjectMetadata, or whole with
 * `includeObject=Object` (what kubectl asks for with --sort-by, to sort the rows on any field).
 */
export function tableOf(cluster: Cluster, kind: Item['kind'], items: readonly Item[], resourceVersion: string, wholeObjects = false): Json {
  const def = tableDefFor(kind);
  const columnDefinitions: JsonValue[] = tableColumns(def, true).map((c) => columnDefinition(c.name, c.wideOnly ? 1 : 0));
  const rows: JsonValue[] = items.map((item) => ({
    cells: tableCells(def, item.obj as never, cluster, true),
    object: wholeObjects ? objectView(cluster, item) : partialMetadata(item),
  }));
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion }, columnDefinitions, rows };
}
