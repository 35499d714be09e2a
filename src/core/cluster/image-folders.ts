// What `ls` shows of the common folders inside the modelled images (`kubectl exec POD -- ls /usr`).
// A documented subset, not the whole image: the folders a learner looks into, each listed in full
// where it is short and as its best-known entries where it is long (/etc, /usr/share, /usr/lib).
// The programs of /bin, /usr/bin and /usr/sbin live in images.ts (ImageTools).
//
// Where each list comes from:
// - nginx (1.19 and later, Debian based, `nginx:latest` is bookworm): the image is built FROM
//   debian:bookworm-slim (nginxinc/docker-nginx, mainline/debian/Dockerfile), which has merged
//   /usr (Debian 12: /bin, /lib, /lib64 and /sbin are links into /usr, so `ls /lib` lists
//   /usr/lib). The Dockerfile adds /docker-entrypoint.sh, the four scripts of
//   /docker-entrypoint.d, and the nginx package's files: /etc/nginx (nginx.conf, mime.types,
//   the *_params files, conf.d/default.conf, modules -> /usr/lib/nginx/modules),
//   /usr/share/nginx/html (index.html, 50x.html), /var/log/nginx (access.log and error.log, links
//   to the container's stdout and stderr), /var/cache/nginx.
// - stacksimplify/kubenginx (nginx 1.17.10 FROM debian:buster-slim): Debian 10 has no merged
//   /usr, so /bin, /lib, /lib64 and /sbin are real folders, and /usr has no lib64 nor libexec;
//   the image has no /docker-entrypoint.d (the entrypoint scripts came with nginx 1.19).

/** A folder's entries, sorted as `ls` sorts them in the C locale the images run in. */
export type Folders = Readonly<Record<string, readonly string[]>>;

const DEBIAN_USR_LOCAL = ['bin', 'etc', 'games', 'include', 'lib', 'man', 'sbin', 'share', 'src'];
const DEBIAN_VAR = ['backups', 'cache', 'lib', 'local', 'lock', 'log', 'mail', 'opt', 'run', 'spool', 'tmp'];
const NGINX_ETC_NGINX = ['conf.d', 'fastcgi_params', 'mime.types', 'modules', 'nginx.conf', 'scgi_params', 'uwsgi_params'];

/** A part of /etc of Debian slim images with nginx: the files a learner looks for first. */
const NGINX_ETC = [
  'adduser.conf',
  'apt',
  'bash.bashrc',
  'ca-certificates',
  'ca-certificates.conf',
  'debian_version',
  'default',
  'fonts',
  'group',
  'host.conf',
  'hostname',
  'hosts',
  'init.d',
  'issue',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'login.defs',
  'logrotate.d',
  'mtab',
  'nginx',
  'nsswitch.conf',
  'os-release',
  'passwd',
  'profile',
  'resolv.conf',
  'shadow',
  'ssl',
  'systemd',
];

const USR_SHARE = [
  'base-files',
  'ca-certificates',
  'common-licenses',
  'debconf',
  'doc',
  'dpkg',
  'fonts',
  'keyrings',
  'man',
  'misc',
  'nginx',
  'perl5',
  'zoneinfo',
];

/** Folders both Debian based nginx images share. */
function debianNginx(bookworm: boolean): Record<string, readonly string[]> {
  const usrLib = ['apt', 'dpkg', 'locale', 'mime', 'nginx', 'os-release', 'ssl', 'x86_64-linux-gnu'];
  return {
    '/boot': [],
    '/dev': ['core', 'fd', 'full', 'mqueue', 'null', 'ptmx', 'pts', 'random', 'shm', 'stderr', 'stdin', 'stdout', 'termination-log', 'tty', 'urandom', 'zero'],
    '/etc': NGINX_ETC,
    '/etc/nginx': NGINX_ETC_NGINX,
    '/etc/nginx/conf.d': ['default.conf'],
    '/home': [],
    '/media': [],
    '/mnt': [],
    '/opt': [],
    '/root': [],
    '/run': ['lock', 'nginx.pid', 'secrets'],
    '/srv': [],
    '/tmp': [],
    '/usr': bookworm
      ? ['bin', 'games', 'include', 'lib', 'lib64', 'libexec', 'local', 'sbin', 'share', 'src']
      : ['bin', 'games', 'include', 'lib', 'local', 'sbin', 'share', 'src'],
    '/usr/games': [],
    '/usr/include': [],
    '/usr/lib': usrLib,
    '/usr/lib/nginx': ['modules'],
    '/usr/local': DEBIAN_USR_LOCAL,
    '/usr/local/bin': [],
    '/usr/local/sbin': [],
    '/usr/share': USR_SHARE,
    '/usr/share/nginx': ['html'],
    '/usr/src': [],
    '/var': DEBIAN_VAR,
    '/var/cache': ['apt', 'debconf', 'ldconfig', 'nginx'],
    '/var/cache/nginx': bookworm ? ['client_temp', 'fastcgi_temp', 'proxy_temp', 'scgi_temp', 'uwsgi_temp'] : [],
    '/var/log': ['apt', 'btmp', 'dpkg.log', 'faillog', 'lastlog', 'nginx', 'wtmp'],
    '/var/log/nginx': ['access.log', 'error.log'],
    ...(bookworm
      ? {
          '/docker-entrypoint.d': ['10-listen-on-ipv6-by-default.sh', '15-local-resolvers.envsh', '20-envsubst-on-templates.sh', '30-tune-worker-processes.sh'],
          '/usr/lib64': ['ld-linux-x86-64.so.2'],
          '/usr/libexec': [],
          // Debian 12's merged /usr: the root's links.
          '/lib': usrLib,
          '/lib64': ['ld-linux-x86-64.so.2'],
        }
      : {
          '/lib': ['init', 'lsb', 'systemd', 'terminfo', 'udev', 'x86_64-linux-gnu'],
          '/lib64': ['ld-linux-x86-64.so.2'],
        }),
  };
}

/** nginx 1.19 and later (Debian 11 and 12 based tags; the course uses the bookworm ones). */
export const NGINX_FOLDERS: Folders = debianNginx(true);
/** stacksimplify/kubenginx: nginx 1.17.10 on Debian 10 (buster). */
export const KUBENGINX_FOLDERS: Folders = debianNginx(false);
