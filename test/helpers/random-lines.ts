// Seeded nonsense for the shell: words it knows and bytes it should not, huge lines, unicode.
const WORDS = [
  'kubectl',
  'get',
  'svc',
  'pods',
  'expose',
  'pod',
  'run',
  'x',
  '--image',
  'nginx',
  '-o',
  'yaml',
  '--port=80',
  'curl',
  'http://203.0.113.11:30000',
  'trace',
  'firewall',
  'close',
  'iptables-save',
  'describe',
  'apply',
  '-f',
  'delete',
  "'",
  '"',
  '|',
  '$',
  '\u0007',
  '\u001B[A',
  '\u00e9',
  '\u4e2d',
  '\u{1F600}',
  '--',
  '-',
  'sleep',
  '1',
];

/** `count` lines from `seed`; about one in twenty is 3,000 words long. */
export function randomLines(seed: number, count: number): string[] {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) % 2 ** 31), state % n);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = rand(20) === 0 ? 3000 : rand(8);
    const parts: string[] = [];
    for (let w = 0; w < length; w++) parts.push(WORDS[rand(WORDS.length)]!);
    lines.push(parts.join(rand(5) === 0 ? '' : ' '));
  }
  return lines;
}
