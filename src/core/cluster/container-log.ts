// What a container writes when it starts: for nginx images (1.19 and later) the entrypoint's
// lines, then nginx's notices on stderr (their nginx.conf logs at `notice`); `kubectl logs`
// prints both streams.

import { knownImage } from './images.js';
import type { Node } from './types.js';

const two = (n: number): string => String(n).padStart(2, '0');

/** nginx's error-log time: 2025/03/01 09:00:02 (UTC here). */
export function nginxErrorLogTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

function compilerOf(minor: number): string {
  if (minor >= 25) return 'gcc 12.2.0 (Debian 12.2.0-14) ';
  if (minor >= 21) return 'gcc 10.2.1 20210110 (Debian 10.2.1-6) ';
  return 'gcc 8.3.0 (Debian 8.3.0-6) ';
}

export function containerStartLog(image: string, startedAt: number, node: Node): string[] {
  const known = knownImage(image);
  if (!known || known.startupLog.length === 0) return [];
  const version = known.server.replace('nginx/', '');
  const minor = Number(version.split('.')[1] ?? 0);
  const at = nginxErrorLogTime(startedAt);
  const notice = (text: string): string => `${at} [notice] 1#1: ${text}`;
  const cpus = Number(node.status.capacity.cpu ?? '1') || 1;
  const workers = Array.from({ length: cpus }, (_, i) => notice(`start worker process ${29 + i}`));
  return [
    ...known.startupLog,
    notice('using the "epoll" event method'),
    notice(`nginx/${version}`),
    notice(`built by ${compilerOf(minor)}`),
    notice(`OS: Linux ${node.status.nodeInfo.kernelVersion}`),
    notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
    notice('start worker processes'),
    ...workers,
  ];
}
