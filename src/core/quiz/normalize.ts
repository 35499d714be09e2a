// Reading what the learner typed: forgiving about spaces, case and leading zeros, and precise about
// why an input cannot be a port.

export type NumberInput = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly why: string };

/** Trims, and turns every run of whitespace inside into one space. */
export function squeeze(input: string): string {
  return input.trim().replace(/\s+/g, ' ');
}

/** A whole number from input such as " 80", "080", "31 231" or "+80". */
export function readNumber(input: string): NumberInput {
  const shown = squeeze(input);
  const compact = withoutPortLabel(shown).replace(/ /g, '');
  if (compact === '') return { ok: false, why: 'Nothing was typed: type a number, such as 80.' };
  if (/^\+?\d+$/.test(compact)) return { ok: true, value: Number.parseInt(compact.replace('+', ''), 10) };
  if (/^-\d+$/.test(compact)) {
    return { ok: false, why: `${compact} is negative, and ports are whole numbers from 1 to 65535.` };
  }
  if (/^\d+[.,]\d+$/.test(compact)) {
    return { ok: false, why: `${compact} is not a whole number, and ports are whole numbers from 1 to 65535.` };
  }
  if (/^\d+:\d+(\/\w+)?$/.test(compact)) {
    return {
      ok: false,
      why: `"${shown}" is two ports, the way the PORT(S) column shows them (port:nodePort). Type only the one the question asks for.`,
    };
  }
  if (/^\d+\/\w+$/.test(compact)) {
    const number = compact.split('/')[0]!;
    return { ok: false, why: `Type the number alone: ${number}, without the "/${compact.split('/')[1]}" after it.` };
  }
  return { ok: false, why: `"${shown}" is not a number: type digits only, such as 80.` };
}

/**
 * The number without the words a learner may put before it: "port 80", "Port: 80", "targetPort=80",
 * "the node port is 31231" all mean the number. Only a port's name is taken off, so "eighty" and
 * "80 or 81" are still not numbers.
 */
function withoutPortLabel(text: string): string {
  return text.replace(/^(?:the\s+)?(?:(?:service|target|node|container)\s*)?port\s*(?:is\s+|[:=]\s*)?(?=[+\-\d])/i, '');
}

/** Why a whole number cannot be a TCP port, or null when it can. */
export function portProblem(value: number): string | null {
  if (value < 1) return `${value} is not a usable port: ports run from 1 to 65535.`;
  if (value > 65535) return `${value} is larger than 65535, the highest port there is.`;
  return null;
}

/** A NumberOrFact after its placeholder was filled: a number, or null when it is not one. */
export function asNumber(value: number | string): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  const read = readNumber(value);
  return read.ok ? read.value : null;
}

/** Text as compared by a text rule: squeezed, without surrounding quotes or backticks. */
export function normalizeText(input: string, caseSensitive = false): string {
  // A key and its value read the same with spaces around the sign (`run = web`), and a full stop
  // at the end of an answer is the end of a sentence, not part of it.
  const bare = squeeze(input)
    .replace(/^(["'`])(.*)\1$/, '$2')
    .replace(/\s*([=:])\s*/g, '$1')
    .replace(/\.$/, '')
    .trim();
  return caseSensitive ? bare : bare.toLowerCase();
}
