// GNU-style options for ls and cat: short letters bundled (`-la`), `--` ends them, a lone `-`
// is an operand. An unknown one is refused in coreutils' own words.

export type Parsed =
  { readonly ok: true; readonly letters: ReadonlySet<string>; readonly operands: readonly string[] } | { readonly ok: false; readonly error: string };

export function parseOptions(command: string, args: readonly string[], known: string): Parsed {
  const letters = new Set<string>();
  const operands: string[] = [];
  let ended = false;
  for (const arg of args) {
    if (ended || arg === '-' || !arg.startsWith('-')) {
      operands.push(arg);
      continue;
    }
    if (arg === '--') {
      ended = true;
      continue;
    }
    if (arg.startsWith('--')) {
      return { ok: false, error: `${command}: unrecognized option '${arg}'\nTry '${command} --help' for more information.\n` };
    }
    for (const letter of arg.slice(1)) {
      if (!known.includes(letter)) return { ok: false, error: `${command}: invalid option -- '${letter}'\nTry '${command} --help' for more information.\n` };
      letters.add(letter);
    }
  }
  return { ok: true, letters, operands };
}
