// Commands inside a simulated container (kubectl exec, and the nested `exec -it POD -- sh`):
// programs are found on the image's PATH, `sh -c` runs a small script (;, &&, ||, simple
// pipes into grep/head/wc, $VAR), curl goes out from the pod. Errors are the runtime's and
// dash's: a program the image lacks is "executable file not found in $PATH" from runc when
// exec'd directly, and `sh: 1: NAME: not found` (exit 127) inside sh.

import { knownImage, randomHexFromText, type Cluster, type Folders, type ImageTools, type Pod } from '../cluster/index.js';
import { curl } from '../shell/curl.js';
import { clientError } from './errors.js';
import { splitShellWords } from './shell-words.js';

export interface ContainerRun {
  readonly cluster: Cluster;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/** Images the simulator pulls but does not model have a small busybox-like set. */
const FALLBACK_TOOLS: ImageTools = {
  bin: ['cat', 'echo', 'hostname', 'ls', 'sh', 'sleep', 'true', 'false', 'pwd'],
  usrBin: ['env', 'printenv', 'whoami', 'id', 'wc', 'head', 'grep'],
  binIsUsrBin: false,
};

function toolsOf(pod: Pod): ImageTools {
  return knownImage(pod.spec.containers[0]?.image ?? '')?.tools ?? FALLBACK_TOOLS;
}

/** The directory listing of /bin or /usr/bin as the image has it; undefined for other directories. */
const USR_SBIN = [
  'add-shell',
  'addgroup',
  'adduser',
  'chroot',
  'delgroup',
  'deluser',
  'groupadd',
  'groupdel',
  'ldconfig',
  'nginx',
  'nginx-debug',
  'nologin',
  'pwck',
  'useradd',
  'userdel',
  'usermod',
];

function binListing(tools: ImageTools, dir: string): string[] | undefined {
  if (dir === '/usr/bin') return [...tools.usrBin].sort();
  if (dir === '/bin') return [...(tools.binIsUsrBin ? tools.usrBin : tools.bin)].sort();
  // Debian's /usr/sbin, as far as it matters here: the account tools, ldconfig, and the nginx
  // package's two binaries; Debian 12 links /sbin to it.
  if (dir === '/usr/sbin' || (dir === '/sbin' && tools.binIsUsrBin)) return [...USR_SBIN];
  return undefined;
}

/** Where a program is found on PATH, or undefined. */
export function whichProgram(pod: Pod, program: string): string | undefined {
  const tools = toolsOf(pod);
  const has = (dir: string, name: string): boolean => (binListing(tools, dir) ?? []).includes(name);
  if (program.includes('/')) {
    const at = program.lastIndexOf('/');
    const dir = program.slice(0, at) || '/';
    return has(dir, program.slice(at + 1)) ? program : undefined;
  }
  for (const dir of PATH_DIRS) if (has(dir, program)) return `${dir}/${program}`;
  return undefined;
}

export function containerEnvironment(pod: Pod): string[] {
  const container = pod.spec.containers[0];
  const image = container ? knownImage(container.image) : undefined;
  const imageEnv = image?.env ?? [{ name: 'PATH', value: PATH_DIRS.join(':') }];
  const path = imageEnv.find((e) => e.name === 'PATH');
  const lines = [`PATH=${path?.value ?? ''}`, `HOSTNAME=${pod.metadata.name}`];
  for (const e of imageEnv) if (e.name !== 'PATH') lines.push(`${e.name}=${e.value}`);
  for (const e of container?.env ?? []) lines.push(`${e.name}=${e.value}`);
  for (const e of pod.serviceEnv) lines.push(`${e.name}=${e.value}`);
  lines.push('HOME=/root');
  return lines;
}

/** Runs one program with its arguments (no shell); `stdin` feeds a pipe. */
function runProgram(cluster: Cluster, pod: Pod, words: readonly string[], stdin: string, inShell: string | undefined): ContainerRun {
  const done = (stdout: string, stderr = '', exitCode = 0, after = cluster): ContainerRun => ({ cluster: after, stdout, stderr, exitCode });
  const [program = '', ...args] = words;
  const name = program.slice(program.lastIndexOf('/') + 1);
  // Shell built-ins first, as dash has them.
  if (inShell !== undefined) {
    if (name === 'echo' && !program.includes('/')) return done(`${args.join(' ')}\n`);
    if (program === 'pwd') return done('/\n');
    if (program === 'true' || program === ':') return done('');
    if (program === 'false') return done('', '', 1);
    if (program === 'cd') return done('');
  }
  const path = whichProgram(pod, program);
  if (path === undefined) {
    if (inShell !== undefined) {
      const message = program.includes('/') ? `${inShell}: 1: ${program}: not found\n` : `${inShell}: 1: ${program}: not found\n`;
      return done('', message, 127);
    }
    return { cluster, stdout: '', stderr: notFoundInPath(pod, program), exitCode: -1 };
  }
  const image = knownImage(pod.spec.containers[0]?.image ?? '');
  const files: Record<string, string> = { ...(image?.files ?? {}), '/etc/hostname': `${pod.metadata.name}\n` };
  switch (name) {
    case 'env':
      return done(
        containerEnvironment(pod)
          .map((l) => `${l}\n`)
          .join(''),
      );
    case 'printenv': {
      const env = containerEnvironment(pod);
      if (args.length === 0) return done(env.map((l) => `${l}\n`).join(''));
      const values = args.map((a) => env.find((l) => l.startsWith(`${a}=`))?.slice(a.length + 1)).filter((v): v is string => v !== undefined);
      return done(values.map((v) => `${v}\n`).join(''), '', values.length === args.length ? 0 : 1);
    }
    case 'hostname':
      return done(`${pod.metadata.name}\n`);
    case 'whoami':
      return done('root\n');
    case 'id':
      return done('uid=0(root) gid=0(root) groups=0(root)\n');
    case 'echo':
      return done(`${args.join(' ')}\n`);
    case 'true':
      return done('');
    case 'false':
      return done('', '', 1);
    case 'sleep':
      return done('');
    case 'nginx':
      if (args.includes('-v')) return done('', `nginx version: ${image?.server ?? 'nginx'}\n`);
      return done('', `nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n`, 1);
    case 'cat': {
      if (args.length === 0) return done(stdin);
      let stdout = '';
      let stderr = '';
      for (const file of args) {
        const text = files[file];
        if (text === undefined) stderr += `cat: ${file}: No such file or directory\n`;
        else stdout += text;
      }
      return done(stdout, stderr, stderr ? 1 : 0);
    }
    case 'ls':
      return listDirectory(pod, args, files, done);
    case 'grep': {
      const pattern = args.filter((a) => !a.startsWith('-'))[0] ?? '';
      const ignoreCase = args.includes('-i');
      const lines = stdin
        .split('\n')
        .filter((l, i, all) => (i < all.length - 1 || l !== '') && (ignoreCase ? l.toLowerCase().includes(pattern.toLowerCase()) : l.includes(pattern)));
      const flags = args.filter((a) => a.startsWith('-')).join('');
      const shown = flags.includes('q') ? '' : flags.includes('c') ? `${lines.length}\n` : lines.map((l) => `${l}\n`).join('');
      return done(shown, '', lines.length > 0 ? 0 : 1);
    }
    case 'head': {
      const n = Number(/^-n?(\d+)$/.exec(args.join('').replace(/^-n/, '-'))?.[1] ?? 10);
      return done(
        stdin
          .split('\n')
          .slice(0, n)
          .map((l) => `${l}\n`)
          .join('')
          .replace(/\n+$/, '\n'),
      );
    }
    case 'wc': {
      const lines = (stdin.match(/\n/g) ?? []).length;
      return done(
        args.includes('-l')
          ? `${lines}\n`
          : `${String(lines).padStart(7)} ${String(stdin.split(/\s+/).filter(Boolean).length).padStart(7)} ${String(Buffer.byteLength(stdin)).padStart(7)}\n`,
      );
    }
    case 'curl': {
      const result = curl(cluster, args, { fromPod: pod.metadata.name, fromNamespace: pod.metadata.namespace });
      return done(result.stdout, result.stderr, result.exitCode, result.cluster);
    }
    case 'sh':
    case 'bash':
    case 'dash': {
      const shellName = name === 'bash' ? 'bash' : 'sh';
      const c = args.indexOf('-c');
      if (c >= 0) return runScript(cluster, pod, args[c + 1] ?? '', shellName);
      // No -c and no terminal: the shell reads an empty stdin and ends.
      return runScript(cluster, pod, stdin, shellName);
    }
    default:
      return done('', `${name}: this program is not simulated inside the container\n`, 1);
  }
}

function listDirectory(
  pod: Pod,
  args: readonly string[],
  files: Record<string, string>,
  done: (out: string, err?: string, code?: number) => ContainerRun,
): ContainerRun {
  const image = knownImage(pod.spec.containers[0]?.image ?? '');
  const dirs = args.filter((a) => !a.startsWith('-'));
  const targets = dirs.length === 0 ? ['/'] : dirs;
  let stdout = '';
  let stderr = '';
  let code = 0;
  targets.forEach((raw, i) => {
    const dir = raw.replace(/\/+$/, '') || '/';
    let entries: string[] | undefined;
    if (dir === '/') entries = [...(image?.rootListing ?? ['bin', 'dev', 'etc', 'home', 'proc', 'root', 'sys', 'tmp', 'usr', 'var'])];
    else entries = binListing(toolsOf(pod), dir) ?? folderListing(image?.folders, files, dir);
    if (!entries) {
      const inside = Object.keys(files)
        .filter((f) => f.startsWith(`${dir}/`))
        .map((f) => f.slice(dir.length + 1).split('/')[0] ?? '');
      if (inside.length > 0) entries = [...new Set(inside)].sort();
      else if (files[dir] !== undefined) entries = [raw];
    }
    if (!entries) {
      stderr += `ls: cannot access '${raw}': No such file or directory\n`;
      code = 2;
      return;
    }
    if (targets.length > 1) stdout += `${i > 0 ? '\n' : ''}${raw}:\n`;
    stdout += entries.map((e) => `${e}\n`).join('');
  });
  return done(stdout, stderr, code);
}

/** A folder of the image's own (image-folders.ts), with the files the image serves in it. */
function folderListing(folders: Folders | undefined, files: Record<string, string>, dir: string): string[] | undefined {
  const own = folders?.[dir];
  if (own === undefined) return undefined;
  const inside = Object.keys(files)
    .filter((f) => f.startsWith(`${dir}/`))
    .map((f) => f.slice(dir.length + 1).split('/')[0] ?? '');
  return [...new Set([...own, ...inside])].sort();
}

/** runc's answer when the program to exec is not on the image's PATH. */
function notFoundInPath(pod: Pod, program: string): string {
  const id = randomHexFromText(`${pod.metadata.uid}:${program}`, 64);
  const what = program.includes('/') ? `stat ${program}: no such file or directory` : `exec: "${program}": executable file not found in $PATH`;
  return clientError(
    `Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: ${what}: unknown`,
  );
}

/** $VAR and ${VAR} from the container's environment (unknown ones are empty). */
function expand(text: string, env: readonly string[], status: number): string {
  text = text.replace(/\$\?/g, String(status));
  const lookup = (name: string): string => env.find((l) => l.startsWith(`${name}=`))?.slice(name.length + 1) ?? '';
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, a: string | undefined, b: string | undefined) => lookup(a ?? b ?? ''));
}

/** A small sh: commands split by ;, && and || and newlines, each a pipeline of simple commands. */
export function runScript(cluster: Cluster, pod: Pod, script: string, shellName: string): ContainerRun {
  let current = cluster;
  let stdout = '';
  let stderr = '';
  let status = 0;
  const parts = script.split(/(\n|;|&&|\|\|)/);
  let skip = false;
  for (const raw of parts) {
    if (raw === '\n' || raw === ';') {
      skip = false;
      continue;
    }
    if (raw === '&&') {
      skip = status !== 0;
      continue;
    }
    if (raw === '||') {
      skip = status === 0;
      continue;
    }
    const text = raw.trim();
    if (text === '' || text.startsWith('#') || skip) continue;
    const exitMatch = /^exit(?:\s+(\d+))?$/.exec(text);
    if (exitMatch) return { cluster: current, stdout, stderr, exitCode: exitMatch[1] !== undefined ? Number(exitMatch[1]) % 256 : status };
    let input = '';
    for (const stage of text.split('|')) {
      const words = splitShellWords(expand(stage.trim(), containerEnvironment(pod), status));
      if (!words.ok) {
        stderr += `${shellName}: 1: Syntax error: ${words.error}\n`;
        return { cluster: current, stdout, stderr, exitCode: 2 };
      }
      if (words.words.length === 0) continue;
      const r = runProgram(current, pod, words.words, input, shellName);
      current = r.cluster;
      stderr += r.stderr;
      input = r.stdout;
      status = r.exitCode;
    }
    stdout += input;
  }
  return { cluster: current, stdout, stderr, exitCode: status };
}

/** `kubectl exec POD -- COMMAND...`: the program run directly, as the runtime execs it (with `exec -i`, fed `stdin`). */
export function execInContainer(cluster: Cluster, pod: Pod, command: readonly string[], stdin = ''): ContainerRun {
  const r = runProgram(cluster, pod, command, stdin, undefined);
  if (r.exitCode === -1) return { ...r, exitCode: 1 };
  if (r.exitCode !== 0) return { ...r, stderr: `${r.stderr}command terminated with exit code ${r.exitCode}\n` };
  return r;
}
