// Reading -f files: multi-document YAML or JSON, each document checked the way
// kubectl checks it before sending it to the server.

import { yaml } from '../yaml.js';
import { readPlainManifests } from './plain-manifests.js';
import { MAX_DEPTH, tooDeepAt } from '../yaml-depth.js';
import {
  decodeDeployment,
  decodeObject,
  decodeReplicaSet,
  isDeploymentManifest,
  isReplicaSetManifest,
  isSupportedKind,
  type DecodedObject,
} from '../cluster/index.js';
import type { AppsManifest } from './apps-kinds.js';
import type { ApiError } from '../cluster/index.js';
import { fileErrorText, isFileError, type CommandContext, type KubectlIO, type Output } from './command.js';
import { flagValue } from './flags.js';
import { apiErrorText, clientError } from './errors.js';
import { setOwn } from '../own.js';

export type ManifestEntry =
  | { readonly ok: true; readonly file: string; readonly object: DecodedObject; readonly workload?: undefined }
  /** An apps/v1 Deployment or ReplicaSet: the commands that take one handle it apart from pods and services. */
  | { readonly ok: true; readonly file: string; readonly object?: undefined; readonly workload: AppsManifest }
  | { readonly ok: false; readonly file: string; readonly clientError?: string; readonly apiError?: ApiError; readonly verbForApiError?: string };

export type LoadResult = { readonly ok: true; readonly entries: ManifestEntry[] } | { readonly ok: false; readonly error: string };

/**
 * kubectl -f DIR: the directory's .json, .yaml and .yml files, in name order (not recursive). A
 * file named directly is read once, here, and its text kept.
 */
function expandDirectories(io: KubectlIO, files: readonly string[]): { file: string; text?: ReturnType<KubectlIO['readFile']> }[] {
  const out: { file: string; text?: ReturnType<KubectlIO['readFile']> }[] = [];
  for (const file of files) {
    const text = io.readFile(file);
    const names = isFileError(text) && text.error === 'is-directory' ? io.listDir?.(file) : undefined;
    if (!names) {
      out.push({ file, text });
      continue;
    }
    // filepath.Walk's names: the directory joined and cleaned (`.` adds nothing, `m/` is `m/x.yml`).
    const dir = file.replace(/\/+$/, '');
    const base = dir === '.' || dir === '' ? '' : `${dir}/`;
    for (const name of [...names].filter((n) => /\.(json|ya?ml)$/.test(n)).sort()) out.push({ file: `${base}${name}` });
  }
  return out;
}

/**
 * The YAML parser's complaint in go-yaml's words, for the mistakes a learner makes most (an indent
 * too small or too large, a tab, a missing colon, an unclosed quote). go-yaml (gopkg.in/yaml.v2
 * decode.go, parser.fail) numbers a scanner's error by its own line, but a parser's ("did not find
 * expected key") by the 0-based line of the token it stopped at: the line before it.
 */
function goYamlError(reason: string, line: number, text: string): { line: number; reason: string } {
  if (reason.startsWith('Sequence item without - indicator') || reason.startsWith('A block sequence may not be used as an implicit map key'))
    return { line: Math.max(1, line - 1), reason: 'did not find expected key' };
  if (reason.startsWith('Nested mappings are not allowed in compact mappings'))
    return { line: line + 1, reason: 'mapping values are not allowed in this context' };
  if (reason.startsWith('Implicit keys need to be on a single line')) return { line: line + 1, reason: "could not find expected ':'" };
  if (reason.startsWith('Tabs are not allowed as indentation')) return { line, reason: 'found character that cannot start any token' };
  if (reason.startsWith('Missing closing')) return { line: text.split('\n').length, reason: 'found unexpected end of stream' };
  return { line, reason };
}

/** Each document of a file as plain data: read directly when it is plain (plain-manifests.ts), else by the YAML parser. */
function documentsOf(
  text: string,
  file: string,
  parseError: (reason: string) => string,
): { ok: true; values: readonly unknown[] } | { ok: false; error: string } {
  const plain = readPlainManifests(text);
  if (plain) return { ok: true, values: plain };
  const values: unknown[] = [];
  for (const doc of yaml().parseAllDocuments(text)) {
    const firstError = doc.errors[0];
    if (firstError) {
      const line = firstError.linePos?.[0]?.line ?? 1;
      const reason = (firstError.message.split('\n')[0] ?? firstError.message).replace(/ at line \d+, column \d+:?$/, '');
      const go = goYamlError(reason, line, text);
      return { ok: false, error: `error parsing ${file}: error converting YAML to JSON: yaml: line ${go.line}: ${go.reason}` };
    }
    try {
      values.push(doc.toJS({ maxAliasCount: 100 }));
    } catch {
      // An alias bomb: go-yaml stops it with these words.
      return { ok: false, error: parseError('document contains excessive aliasing') };
    }
  }
  return { ok: true, values };
}

export function loadManifests(io: KubectlIO, given: readonly string[]): LoadResult {
  const entries: ManifestEntry[] = [];
  for (const { file, text: known } of expandDirectories(io, given)) {
    const text = known ?? io.readFile(file);
    if (isFileError(text)) return { ok: false, error: fileErrorText(file, text) };
    const parseError = (reason: string) => `error parsing ${file}: error converting YAML to JSON: yaml: ${reason}`;
    // go-yaml, which kubectl uses, refuses control characters (a binary file) before parsing.
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { ok: false, error: parseError('control characters are not allowed') };
    // go-yaml v3 stops deep nesting the same way (at 10000 levels; no manifest needs 100).
    if (tooDeepAt(text) !== -1) return { ok: false, error: parseError(`exceeded max depth of ${MAX_DEPTH}`) };
    const documents = documentsOf(text, file, parseError);
    if (!documents.ok) return documents;
    for (const data of documents.values) {
      if (data === null || data === undefined) continue;
      if (typeof data !== 'object' || Array.isArray(data)) {
        entries.push({
          ok: false,
          file,
          clientError: `error validating "${file}": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false`,
        });
        continue;
      }
      const record = data as Record<string, unknown>;
      const missing: string[] = [];
      if (typeof record.apiVersion !== 'string' || record.apiVersion === '') missing.push('apiVersion not set');
      if (typeof record.kind !== 'string' || record.kind === '') missing.push('kind not set');
      if (missing.length > 0) {
        const list = missing.length === 1 ? missing[0] : `[${missing.join(', ')}]`;
        entries.push({
          ok: false,
          file,
          clientError: `error validating "${file}": error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`,
        });
        continue;
      }
      const apiVersion = record.apiVersion as string;
      const kind = record.kind as string;
      const meta = (typeof record.metadata === 'object' && record.metadata !== null ? record.metadata : {}) as Record<string, unknown>;
      const name = typeof meta.name === 'string' ? meta.name : '';
      if (isDeploymentManifest(apiVersion, kind) || isReplicaSetManifest(apiVersion, kind)) {
        const decoded = kind === 'Deployment' ? decodeDeployment(record) : decodeReplicaSet(record);
        entries.push(decoded.ok ? { ok: true, file, workload: decoded.value } : { ok: false, file, apiError: decoded.error, verbForApiError: 'creating' });
        continue;
      }
      if (!isSupportedKind(apiVersion, kind)) {
        entries.push({
          ok: false,
          file,
          clientError: `resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`,
        });
        continue;
      }
      const decoded = decodeObject(record);
      if (!decoded.ok) {
        entries.push({ ok: false, file, apiError: decoded.error, verbForApiError: 'creating' });
        continue;
      }
      entries.push({ ok: true, file, object: decoded.object });
    }
  }
  return { ok: true, entries };
}

/**
 * kubectl.kubernetes.io/last-applied-configuration: the manifest as compact JSON, keys sorted, with
 * the namespace the object goes to filled in (none for a cluster-wide kind). kubectl's builder sets
 * it on the object (cli-runtime resource/visitor.go SetNamespace: the file's own, else `-n`, else
 * the kubeconfig's) before apply serialises it (kubectl pkg/util GetModifiedConfiguration).
 */
export function lastAppliedFor(manifest: Readonly<Record<string, unknown>>, namespace: string | undefined): string {
  const copy = JSON.parse(JSON.stringify(manifest)) as Record<string, unknown>;
  const meta = (typeof copy.metadata === 'object' && copy.metadata !== null ? copy.metadata : {}) as Record<string, unknown>;
  const annotations = (typeof meta.annotations === 'object' && meta.annotations !== null ? meta.annotations : {}) as Record<string, unknown>;
  delete annotations['kubectl.kubernetes.io/last-applied-configuration'];
  meta.annotations = annotations;
  if (meta.namespace === undefined && namespace !== undefined) meta.namespace = namespace;
  copy.metadata = meta;
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) setOwn(out, k, sorted((v as Record<string, unknown>)[k]));
      return out;
    }
    return v;
  };
  return `${JSON.stringify(sorted(copy)).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}\n`;
}

export function namespaceOf(object: DecodedObject | AppsManifest): string | undefined {
  const meta = object.manifest.metadata;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const ns = (meta as Record<string, unknown>).namespace;
  return typeof ns === 'string' ? ns : undefined;
}

/**
 * The namespace a -f object goes to: its own `metadata.namespace`, else the command's. A `-n`
 * given on the command line must agree with the object's own (cli-runtime resource/visitor.go
 * SetNamespace with enforceNamespace). Namespaces themselves are cluster-scoped: undefined.
 */
/** targetNamespace for an object of a command's -f files: the command's namespace, and whether -n gave it. */
export function entryNamespace(ctx: CommandContext, object: DecodedObject | AppsManifest): ReturnType<typeof targetNamespace> {
  const given = flagValue(ctx.parsed, 'namespace');
  return targetNamespace(object, ctx.namespace, given !== undefined && given !== '');
}

export function targetNamespace(
  object: DecodedObject | AppsManifest,
  commandNamespace: string,
  explicit: boolean,
): { ok: true; namespace: string | undefined } | { ok: false; error: string } {
  if (object.kind === 'Namespace') return { ok: true, namespace: undefined };
  const own = namespaceOf(object);
  if (own === undefined || own === '') return { ok: true, namespace: commandNamespace };
  if (explicit && own !== commandNamespace) {
    return {
      ok: false,
      error: `the namespace from the provided object "${own}" does not match the namespace "${commandNamespace}". You must pass '--namespace=${own}' to perform this operation.`,
    };
  }
  return { ok: true, namespace: own };
}

/** Says why a document of a -f file could not be used, as kubectl does when it creates from it. */
export function reportUnusable(out: Output, entry: Extract<ManifestEntry, { ok: false }>, verb = 'creating'): void {
  if (entry.clientError) out.err(clientError(entry.clientError));
  if (entry.apiError) out.err(apiErrorText(entry.apiError, { verb, file: entry.file }));
}
