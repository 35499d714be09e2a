// What the simulator knows about container images: what they listen on and serve.
// Unknown images run, but listen nowhere.

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

const ROOT_LISTING = ['bin', 'boot', 'dev', 'docker-entrypoint.d', 'docker-entrypoint.sh', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

const NGINX_ENV: readonly EnvVar[] = [
  { name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
  { name: 'NGINX_VERSION', value: '1.27.4' },
  { name: 'NJS_VERSION', value: '0.8.9' },
  { name: 'NJS_RELEASE', value: '1~bookworm' },
  { name: 'PKG_RELEASE', value: '1~bookworm' },
  { name: 'DYNPKG_RELEASE', value: '1~bookworm' },
];

const KNOWN: readonly KnownImage[] = [
  {
    repository: 'stacksimplify/kubenginx',
    listens: [{ port: 80, protocol: 'TCP' }],
    indexHtml: KUBENGINX_PAGE,
    server: 'nginx/1.17.10',
    env: [
      { name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
      { name: 'NGINX_VERSION', value: '1.17.10' },
      { name: 'NJS_VERSION', value: '0.3.9' },
      { name: 'PKG_RELEASE', value: '1~buster' },
    ],
    sizeBytes: 52_621_913,
    files: { '/usr/share/nginx/html/index.html': KUBENGINX_PAGE },
    rootListing: ROOT_LISTING.filter((n) => !n.startsWith('docker-entrypoint')),
  },
  {
    repository: 'nginx',
    listens: [{ port: 80, protocol: 'TCP' }],
    indexHtml: NGINX_PAGE,
    server: 'nginx/1.27.4',
    env: NGINX_ENV,
    sizeBytes: 72_188_133,
    files: { '/usr/share/nginx/html/index.html': NGINX_PAGE },
    rootListing: ROOT_LISTING,
  },
];

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

export function knownImage(image: string): KnownImage | undefined {
  const ref = parseImage(image);
  const found = KNOWN.find((k) => k.repository === ref.repository);
  if (!found) return undefined;
  if (found.repository === 'stacksimplify/kubenginx' && ref.tag !== '1.0.0') return undefined;
  return found;
}

/** The fully qualified name the runtime reports, e.g. docker.io/library/nginx:latest. */
export function qualifiedImage(image: string): string {
  const ref = parseImage(image);
  const repo = ref.repository.includes('/') ? ref.repository : `library/${ref.repository}`;
  return `docker.io/${repo}:${ref.tag}`;
}

/** The pull policy the API server defaults to: Always for :latest or no tag, else IfNotPresent. */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const ref = parseImage(image);
  const hasTag = /:[^/]+$/.test(image.split('@')[0] ?? image);
  return !hasTag || ref.tag === 'latest' ? 'Always' : 'IfNotPresent';
}
