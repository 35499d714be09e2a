// A resource quantity (`500m`, `128Mi`) as the API server holds it: apimachinery's
// resource.Quantity (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go), a struct of
// `i int64Amount{value, scale}`, `d infDecAmount`, `s string` and `Format`. ParseQuantity keeps
// the text it parsed in `s` only when it is already canonical: a decimal quantity whose scale is a
// multiple of 3, whose digits neither start with 0 nor end in 000; a binary one with a 2^10k
// suffix whose number is not a multiple of 8. That is why go-cmp shows `s: "500m"` for some
// quantities and none for `128Mi`. Only ParseQuantity's fast path (int64Amount) is modelled;
// quantities it sends to the slow path (inf.Dec: fractions of binary suffixes, huge numbers)
// come out as the nearest int64Amount.

export interface QuantityParts {
  readonly value: number;
  readonly scale: number;
  /** The cached canonical text, or '' when ParseQuantity did not keep it. */
  readonly cached: string;
  readonly format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent';
}

const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

export function parseQuantityParts(text: string): QuantityParts | undefined {
  if (text === '0') return { value: 0, scale: 0, cached: '0', format: 'DecimalSI' };
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([a-zA-Z]*|[eE][+-]?\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const [, sign = '', whole = '', fraction = '', suffix = ''] = m;
  if (whole === '' && fraction === '') return undefined;
  const num = whole.replace(/^0+/, '') || '0';
  const negative = sign === '-';
  let format: QuantityParts['format'];
  let exponent: number;
  if (suffix in BINARY) {
    format = 'BinarySI';
    exponent = BINARY[suffix] ?? 0;
  } else if (suffix in DECIMAL) {
    format = 'DecimalSI';
    exponent = DECIMAL[suffix] ?? 0;
  } else if (/^[eE]/.test(suffix)) {
    format = 'DecimalExponent';
    exponent = Number(suffix.slice(1));
  } else return undefined;
  const shifted = (num + fraction).replace(/^0+(?=\d)/, '');
  const digits = Number(shifted);
  if (format === 'BinarySI') {
    const value = Number(num === '0' && fraction !== '' ? 0 : digits) * 2 ** exponent;
    const canonical = fraction === '' && exponent % 10 === 0 && digits % 8 !== 0;
    return { value: negative ? -value : value, scale: 0, cached: canonical ? text : '', format };
  }
  const scale = exponent - fraction.length;
  const canonical = scale % 3 === 0 && !(num + fraction).endsWith('000') && !(num + fraction).startsWith('0');
  return { value: negative ? -digits : digits, scale, cached: canonical ? text : '', format };
}
