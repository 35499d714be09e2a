// What the simulator knows about container images: what they listen on and serve.
// Whether an image can be pulled at all (Docker Hub's repositories and tags, as far as the course
// needs them); images that pull but are not modelled run, but listen nowhere.

import { KUBENGINX_FOLDERS, NGINX_FOLDERS, type Folders } from './image-folders.js';
import type { EnvVar, Protocol } from './types.js';

export interface Listener {
  readonly port: number;
  readonly protocol: Protocol;
}

export interface KnownImage {
  /** The repository, normalised (no docker.io/, no library/). */
  readonly repository: string;
  readonly listens: readonly Listener[];
  /** The page served at / and /index.html. */
  readonly indexHtml: string;
  readonly server: string;
  /** Environment variables baked into the image. */
  readonly env: readonly EnvVar[];
  readonly sizeBytes: number;
  /** Files `kubectl exec ... cat` can show. */
  readonly files: Readonly<Record<string, string>>;
  /** The listing of / for `ls`. */
  readonly rootListing: readonly string[];
  /** The entries of the image's common folders for `ls` (image-folders.ts says where each comes from). */
  readonly folders: Folders;
  /** The programs on the image's file system. */
  readonly tools: ImageTools;
  /** What the container prints when it starts (`kubectl logs`). */
  readonly startupLog: readonly string[];
}

const KUBENGINX_PAGE = `<!DOCTYPE html>
<html>
   <body style="background-color:lightgoldenrodyellow;">
      <h1>Welcome to Stack Simplify</h1>
      <p>Kubernetes Fundamentals Demo</p>
      <p>Application Version: V1</p>
   </body>
</html>
`;

const NGINX_PAGE = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const ROOT_LISTING = [
  'bin',
  'boot',
  'dev',
  'docker-entrypoint.d',
  'docker-entrypoint.sh',
  'etc',
  'home',
  'lib',
  'lib64',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];

const NGINX_ENV: readonly EnvVar[] = [
  { name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  { name: 'NGINX_VERSION', value: '1.27.4' },
  { name: 'NJS_VERSION', value: '0.8.9' },
  { name: 'NJS_RELEASE', value: '1~bookworm' },
  { name: 'PKG_RELEASE', value: '1~bookworm' },
  { name: 'DYNPKG_RELEASE', value: '1~bookworm' },
];

/** The lecture course's kubenginx versions (stacksimplify/kubernetes-fundamentals): V1 to V4. */
function kubenginx(version: number): KnownImage {
  const page = KUBENGINX_PAGE.replace('Application Version: V1', `Application Version: V${version}`);
  return {
    repository: 'stacksimplify/kubenginx',
    listens: [{ port: 80, protocol: 'TCP' }],
    indexHtml: page,
    server: 'nginx/1.17.10',
    env: [
      { name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
      { name: 'NGINX_VERSION', value: '1.17.10' },
      { name: 'NJS_VERSION', value: '0.3.9' },
      { name: 'PKG_RELEASE', value: '1~buster' },
    ],
    sizeBytes: 52_621_913,
    files: { '/usr/share/nginx/html/index.html': page },
    rootListing: ROOT_LISTING.filter((n) => !n.startsWith('docker-entrypoint')),
    folders: KUBENGINX_FOLDERS,
    tools: DEBIAN_BUSTER_TOOLS,
    startupLog: [],
  };
}

/** The nginx release each minor version's image tag points at (the last patch of the line). */
const NGINX_LAST_PATCH: Readonly<Record<string, number>> = {
  '1.10': 3,
  '1.11': 13,
  '1.12': 2,
  '1.13': 12,
  '1.14': 2,
  '1.15': 12,
  '1.16': 1,
  '1.17': 10,
  '1.18': 0,
  '1.19': 10,
  '1.20': 2,
  '1.21': 6,
  '1.22': 1,
  '1.23': 4,
  '1.24': 0,
  '1.25': 5,
  '1.26': 3,
  '1.27': 4,
};
const NGINX_VARIANTS = ['', 'alpine', 'alpine-slim', 'perl', 'alpine-perl', 'bookworm', 'bullseye', 'otel', 'alpine-otel', 'bookworm-perl', 'bookworm-otel'];
const NGINX_NAMED_TAGS = [
  'latest',
  'mainline',
  'stable',
  'alpine',
  'alpine-slim',
  'perl',
  'alpine-perl',
  'bookworm',
  'otel',
  'alpine-otel',
  'mainline-alpine',
  'stable-alpine',
  'mainline-perl',
  'stable-perl',
  'mainline-bookworm',
  'stable-bookworm',
  'stable-alpine-slim',
  'mainline-alpine-slim',
];

/** The nginx version an nginx image tag holds, or undefined when Docker Hub has no such tag. */
export function nginxVersionOf(tag: string): string | undefined {
  if (NGINX_NAMED_TAGS.includes(tag)) return tag.startsWith('stable') ? '1.26.3' : '1.27.4';
  const m = /^(1\.\d+)(?:\.(\d+))?(?:-([a-z-]+))?$/.exec(tag);
  if (!m) return undefined;
  const [, minor = '', patch, variant = ''] = m;
  const last = NGINX_LAST_PATCH[minor];
  if (last === undefined || !NGINX_VARIANTS.includes(variant)) return undefined;
  if (patch !== undefined && Number(patch) > last) return undefined;
  return `${minor}.${patch ?? last}`;
}

function nginx(version: string): KnownImage {
  return {
    repository: 'nginx',
    listens: [{ port: 80, protocol: 'TCP' }],
    indexHtml: NGINX_PAGE,
    server: `nginx/${version}`,
    env: NGINX_ENV.map((e) => (e.name === 'NGINX_VERSION' ? { name: e.name, value: version } : e)),
    sizeBytes: 72_188_133,
    files: { '/usr/share/nginx/html/index.html': NGINX_PAGE, '/usr/share/nginx/html/50x.html': '' },
    rootListing: ROOT_LISTING,
    folders: NGINX_FOLDERS,
    tools: DEBIAN_BOOKWORM_TOOLS,
    startupLog: nginxStartupLog(version),
  };
}

/** What nginx images (1.19 and later) write on start: the entrypoint's lines, then nginx's notices. */
function nginxStartupLog(version: string): readonly string[] {
  const major = Number(version.split('.')[1] ?? 0);
  if (major < 19) return [];
  const lines = [
    '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
    '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
    '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
    '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  ];
  if (major >= 25) lines.push('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
  lines.push('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
  lines.push('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
  lines.push('/docker-entrypoint.sh: Configuration complete; ready for start up');
  return lines;
}

/** The programs an image has, by absolute path (what `ls /bin` and a PATH lookup find). */
export interface ImageTools {
  readonly bin: readonly string[];
  readonly usrBin: readonly string[];
  /** Where /bin points, when it is a symlink to /usr/bin (Debian 12). */
  readonly binIsUsrBin: boolean;
}

const DEBIAN_BIN = [
  'bash',
  'cat',
  'chgrp',
  'chmod',
  'chown',
  'cp',
  'dash',
  'date',
  'dd',
  'df',
  'dir',
  'dmesg',
  'dnsdomainname',
  'domainname',
  'echo',
  'egrep',
  'false',
  'fgrep',
  'findmnt',
  'grep',
  'gunzip',
  'gzexe',
  'gzip',
  'hostname',
  'ln',
  'login',
  'ls',
  'lsblk',
  'mkdir',
  'mknod',
  'mktemp',
  'more',
  'mount',
  'mountpoint',
  'mv',
  'nisdomainname',
  'pidof',
  'pwd',
  'rbash',
  'readlink',
  'rm',
  'rmdir',
  'run-parts',
  'sed',
  'sh',
  'sleep',
  'stty',
  'su',
  'sync',
  'tar',
  'tempfile',
  'touch',
  'true',
  'umount',
  'uname',
  'uncompress',
  'vdir',
  'wdctl',
  'ypdomainname',
  'zcat',
  'zcmp',
  'zdiff',
  'zegrep',
  'zfgrep',
  'zforce',
  'zgrep',
  'zless',
  'zmore',
  'znew',
];
const DEBIAN_USR_BIN = [
  '[',
  'awk',
  'basename',
  'clear',
  'curl',
  'cut',
  'diff',
  'dirname',
  'du',
  'env',
  'expr',
  'find',
  'head',
  'id',
  'less',
  'md5sum',
  'nohup',
  'openssl',
  'perl',
  'printenv',
  'printf',
  'ps',
  'seq',
  'sha256sum',
  'sort',
  'stat',
  'tail',
  'tee',
  'test',
  'top',
  'tr',
  'uniq',
  'wc',
  'whoami',
  'xargs',
  'yes',
];

/** nginx on Debian 12 (bookworm): /bin is a link to /usr/bin; curl is installed. */
const DEBIAN_BOOKWORM_TOOLS: ImageTools = { bin: [], usrBin: [...new Set([...DEBIAN_BIN, ...DEBIAN_USR_BIN])].sort(), binIsUsrBin: true };
/** kubenginx (nginx 1.17 on Debian 10, buster): a real /bin, and no curl. */
const DEBIAN_BUSTER_TOOLS: ImageTools = { bin: DEBIAN_BIN, usrBin: DEBIAN_USR_BIN.filter((t) => t !== 'curl'), binIsUsrBin: false };

export interface KnownImageRef {
  readonly registry: string;
  /** Path in the registry, e.g. library/nginx. */
  readonly path: string;
  readonly tag: string;
  readonly digest?: string;
}

/** Parses an image reference the way the container runtime normalises it. */
export function normalizeImage(image: string): KnownImageRef {
  const [name = '', digest] = image.split('@');
  let registry = 'docker.io';
  let rest = name;
  const first = rest.split('/')[0] ?? '';
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first === 'index.docker.io' ? 'docker.io' : first;
    rest = rest.slice(first.length + 1);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  return { registry, path: rest, tag, ...(digest !== undefined ? { digest } : {}) };
}

/** `docker.io/library/nginx:latest`: the name the runtime pulls. */
export function canonicalImage(ref: KnownImageRef): string {
  return `${ref.registry}/${ref.path}${ref.digest !== undefined ? `@${ref.digest}` : `:${ref.tag}`}`;
}

function anyVersionTag(tag: string): boolean {
  return tag === 'latest' || /^\d+(\.\d+){0,2}(-[a-z0-9.]+)*$/.test(tag) || /^[a-z]+(-[a-z]+)*$/.test(tag);
}

/** Images Docker Hub and the other registries have, and which of their tags exist. */
const REPOSITORIES: Readonly<Record<string, (tag: string) => boolean>> = {
  'docker.io/library/nginx': (tag) => nginxVersionOf(tag) !== undefined,
  'docker.io/stacksimplify/kubenginx': (tag) => ['1.0.0', '2.0.0', '3.0.0', '4.0.0'].includes(tag),
  'ghcr.io/stacksimplify/kubenginx': (tag) => ['1.0.0', '2.0.0', '3.0.0', '4.0.0'].includes(tag),
  'docker.io/library/busybox': (tag) => /^(latest|stable|musl|glibc|uclibc|1\.3[0-7](\.\d)?(-(musl|glibc|uclibc))?)$/.test(tag),
  'docker.io/curlimages/curl': (tag) => tag === 'latest' || /^[78]\.\d{1,2}\.\d$/.test(tag),
  'docker.io/nicolaka/netshoot': (tag) => tag === 'latest' || /^v0\.\d+$/.test(tag),
  'registry.k8s.io/pause': (tag) => /^3\.(\d|10)$/.test(tag),
  // The cluster's own workloads' images (a replaced CoreDNS pod may land on a node without it).
  'registry.k8s.io/coredns/coredns': (tag) => /^v1\.\d+\.\d+$/.test(tag),
  'registry.k8s.io/kube-proxy': (tag) => /^v1\.\d+\.\d+$/.test(tag),
  'ghcr.io/flannel-io/flannel': (tag) => /^v0\.\d+\.\d+$/.test(tag),
  ...Object.fromEntries(
    ['alpine', 'debian', 'ubuntu', 'httpd', 'redis', 'python', 'node', 'postgres', 'mysql', 'golang', 'traefik'].map((n) => [
      `docker.io/library/${n}`,
      anyVersionTag,
    ]),
  ),
};

/** Registries the nodes can resolve and reach. */
const REGISTRIES = ['docker.io', 'ghcr.io', 'quay.io', 'registry.k8s.io', 'gcr.io', 'public.ecr.aws', 'mcr.microsoft.com'];

export type PullOutcome =
  | { readonly ok: true }
  /** The kubelet could not even parse the name (reason InvalidImageName; event InspectFailed). */
  | { readonly ok: false; readonly reason: 'InvalidImageName'; readonly message: string }
  /** The runtime's pull failed: `message` is the CRI error the kubelet reports. */
  | { readonly ok: false; readonly reason: 'ErrImagePull'; readonly message: string };

/**
 * What pulling `image` gives on a node: the CRI (containerd 1.7) error texts, as the kubelet's
 * `Failed to pull image` event carries them (pkg/kubelet/images/image_manager.go).
 */
export function pullOutcome(image: string): PullOutcome {
  const ref = normalizeImage(image);
  const invalid = invalidReference(image, ref);
  if (invalid)
    return { ok: false, reason: 'InvalidImageName', message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${invalid}` };
  const name = canonicalImage(ref);
  const resolve = `failed to pull and unpack image "${name}": failed to resolve reference "${name}"`;
  if (!REGISTRIES.includes(ref.registry)) {
    const host = ref.registry;
    return {
      ok: false,
      reason: 'ErrImagePull',
      message: `rpc error: code = Unknown desc = ${resolve}: failed to do request: Head "https://${host}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag}": dial tcp: lookup ${host.split(':')[0]} on 127.0.0.53:53: no such host`,
    };
  }
  const tags = REPOSITORIES[`${ref.registry}/${ref.path}`];
  if (!tags) {
    if (ref.registry === 'docker.io') {
      return {
        ok: false,
        reason: 'ErrImagePull',
        message: `rpc error: code = Unknown desc = ${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      };
    }
    return { ok: false, reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = ${resolve}: ${name}: not found` };
  }
  if (ref.digest === undefined && !tags(ref.tag))
    return { ok: false, reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = ${resolve}: ${name}: not found` };
  return { ok: true };
}

/** distribution/reference's complaint about a name it cannot parse, if any. */
function invalidReference(image: string, ref: KnownImageRef): string | undefined {
  if (ref.path !== ref.path.toLowerCase()) return `invalid reference format: repository name (${ref.path}) must be lowercase`;
  const name = image.split('@')[0] ?? '';
  if (!/^[a-z0-9]+([._-][a-z0-9]+)*(\/[a-z0-9]+([._-]|__|-+)?[a-z0-9]*)*$/i.test(name.replace(/:[\w][\w.-]{0,127}$/, '').replace(/^[^/]+[.:][^/]*\//, '')))
    return 'invalid reference format';
  return undefined;
}

function knownFor(ref: KnownImageRef): KnownImage | undefined {
  if (ref.path === 'stacksimplify/kubenginx' && (ref.registry === 'docker.io' || ref.registry === 'ghcr.io')) {
    const version = ['1.0.0', '2.0.0', '3.0.0', '4.0.0'].indexOf(ref.tag);
    return version >= 0 ? kubenginx(version + 1) : undefined;
  }
  if (ref.registry === 'docker.io' && ref.path === 'library/nginx') {
    const version = ref.digest !== undefined ? '1.27.4' : nginxVersionOf(ref.tag);
    return version ? nginx(version) : undefined;
  }
  return undefined;
}

export interface ImageRef {
  readonly repository: string;
  readonly tag: string;
}

/** Splits `docker.io/library/nginx:1.27` into repository `nginx` and tag `1.27` (default `latest`). */
export function parseImage(image: string): ImageRef {
  let rest = image.split('@')[0] ?? image;
  rest = rest.replace(/^docker\.io\//, '').replace(/^library\//, '');
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { repository: rest.slice(0, colon), tag: rest.slice(colon + 1) };
  return { repository: rest, tag: 'latest' };
}

const knownCache = new Map<string, KnownImage | undefined>();

/** What the simulator knows an image serves and holds; undefined for images it does not model (or that do not exist). */
export function knownImage(image: string): KnownImage | undefined {
  if (knownCache.has(image)) return knownCache.get(image);
  const found = knownFor(normalizeImage(image));
  if (knownCache.size < 500) knownCache.set(image, found);
  return found;
}

/** The fully qualified name the runtime reports, e.g. docker.io/library/nginx:latest. */
export function qualifiedImage(image: string): string {
  const ref = normalizeImage(image);
  return `${ref.registry}/${ref.path}:${ref.tag}`;
}

/** The pull policy the API server defaults to: Always for :latest or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImage(image);
  const hasTag = /:[^/]+$/.test(image.split('@')[0] ?? image);
  return !hasTag || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
