// Label selectors as the API server reads `-l` / `labelSelector`: labels.Parse of
// k8s.io/apimachinery 0.32 (pkg/labels/selector.go), its lexer, its recursive-descent parser and its
// error texts word for word: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`,
// `a>1`, `a<1`, requirements sorted by key.

import { goQuote } from '../cluster/field-error.js';
import { isQualifiedName, isValidLabelValue } from '../cluster/names.js';
import type { Labels } from '../cluster/index.js';
import type { ResourceType } from './resources.js';

export type Requirement =
  | { readonly op: 'eq' | 'neq'; readonly key: string; readonly value: string }
  | { readonly op: 'exists' | 'notexists'; readonly key: string }
  | { readonly op: 'in' | 'notin'; readonly key: string; readonly values: readonly string[] }
  | { readonly op: 'gt' | 'lt'; readonly key: string; readonly value: string };

export type SelectorResult = { readonly ok: true; readonly requirements: Requirement[] } | { readonly ok: false; readonly error: string };

type Token = 'end' | 'error' | 'id' | '(' | ')' | ',' | '!' | '==' | '=' | '>' | '<' | '!=' | 'in' | 'notin';

/** selector.go string2token: the literals that are tokens of their own. */
const TOKENS: ReadonlyMap<string, Token> = new Map<string, Token>([
  [')', ')'],
  [',', ','],
  ['!', '!'],
  ['==', '=='],
  ['=', '='],
  ['>', '>'],
  ['in', 'in'],
  ['<', '<'],
  ['!=', '!='],
  ['notin', 'notin'],
  ['(', '('],
]);

/** selector.go binaryOperators, as the "expected:" list names them. */
const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

interface Scanned {
  readonly tok: Token;
  readonly literal: string;
}

const isWhitespace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string): boolean => '=!(),><'.includes(ch) && ch !== '';

/** The Lexer: Go reads bytes and takes a NUL for the end; the splitting characters are all ASCII. */
function lex(text: string): Scanned[] {
  let pos = 0;
  const read = (): string => {
    const ch = pos < text.length ? (text[pos] ?? '') : '';
    pos++;
    return ch === '\0' ? '' : ch;
  };
  const unread = () => pos--;
  const scanned: Scanned[] = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '') {
      scanned.push({ tok: 'end', literal: '' });
      return scanned;
    }
    unread();
    if (isSpecialSymbol(ch)) {
      // scanSpecialSymbol: the longest run of symbols that is a token.
      let buffer = '';
      let last: Scanned | undefined;
      for (;;) {
        const next = read();
        if (next === '') break;
        if (!isSpecialSymbol(next)) {
          unread();
          break;
        }
        buffer += next;
        const token = TOKENS.get(buffer);
        if (token) last = { tok: token, literal: buffer };
        else if (last) {
          unread();
          break;
        }
      }
      scanned.push(last ?? { tok: 'error', literal: `error expected: keyword found '${buffer}'` });
    } else {
      // scanIDOrKeyword
      let buffer = '';
      for (;;) {
        const next = read();
        if (next === '') break;
        if (isSpecialSymbol(next) || isWhitespace(next)) {
          unread();
          break;
        }
        buffer += next;
      }
      const keyword = TOKENS.get(buffer);
      scanned.push({ tok: keyword ?? 'id', literal: buffer });
    }
  }
}

class SelectorError extends Error {}

/** strconv.ParseInt(value, 10, 64), or undefined. */
function int64(value: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(value)) return undefined;
  const n = BigInt(value);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
}

/** field.Invalid(path, value, detail).Error(); a nil path prints as `<nil>`. */
const invalidField = (path: string, value: string, detail: string): string => `${path}: Invalid value: ${goQuote(value)}: ${detail}`;

/** utilerrors.NewAggregate(...).Error(): one message alone, several in brackets, repeats once. */
function aggregate(messages: readonly string[]): string {
  const seen = [...new Set(messages)];
  return seen.length === 1 ? (seen[0] ?? '') : `[${seen.join(', ')}]`;
}

const keyProblem = (key: string, path: string): string | undefined => {
  const errors = isQualifiedName(key);
  return errors.length > 0 ? invalidField(path, key, errors.join('; ')) : undefined;
};

/** NewRequirement's checks, with the parser's nil root path. */
function newRequirement(key: string, op: Requirement['op'], values: readonly string[]): Requirement {
  const problems: string[] = [];
  const keyError = keyProblem(key, 'key');
  if (keyError) problems.push(keyError);
  if (op === 'gt' || op === 'lt') {
    values.forEach((value, i) => {
      if (int64(value) === undefined) problems.push(invalidField(`values[${i}]`, value, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  values.forEach((value, i) => {
    const errors = isValidLabelValue(value);
    if (errors.length > 0) problems.push(invalidField(`values[${i}][${key}]`, value, errors.join('; ')));
  });
  if (problems.length > 0) throw new SelectorError(aggregate(problems));
  switch (op) {
    case 'exists':
    case 'notexists':
      return { op, key };
    case 'in':
    case 'notin':
      return { op, key, values };
    default:
      return { op, key, value: values[0] ?? '' };
  }
}

class Parser {
  private position = 0;
  constructor(private readonly items: readonly Scanned[]) {}

  /** In the values context `in` and `notin` are plain identifiers (`value in (in)`). */
  private static asValue(item: Scanned): Scanned {
    return item.tok === 'in' || item.tok === 'notin' ? { tok: 'id', literal: item.literal } : item;
  }

  private lookahead(values = true): Scanned {
    const item = this.items[this.position] ?? { tok: 'end', literal: '' };
    return values ? Parser.asValue(item) : item;
  }

  private consume(values = true): Scanned {
    const item = this.lookahead(values);
    this.position++;
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { tok, literal } = this.lookahead();
      if (tok === 'end') return requirements;
      if (tok !== 'id' && tok !== '!') throw new SelectorError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.requirement());
      } catch (error) {
        throw new SelectorError(`unable to parse requirement: ${(error as Error).message}`);
      }
      const after = this.consume();
      if (after.tok === 'end') return requirements;
      if (after.tok !== ',') throw new SelectorError(`found '${after.literal}', expected: ',' or 'end of string'`);
      const next = this.lookahead();
      if (next.tok !== 'id' && next.tok !== '!') throw new SelectorError(`found '${next.literal}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    // parseKeyAndInferOperator
    let doesNotExist = false;
    let key = this.consume();
    if (key.tok === '!') {
      doesNotExist = true;
      key = this.consume();
    }
    if (key.tok !== 'id') throw new SelectorError(`found '${key.literal}', expected: identifier`);
    const keyError = keyProblem(key.literal, '<nil>');
    if (keyError) throw new SelectorError(keyError);
    const next = this.lookahead().tok;
    if (next === 'end' || next === ',') return newRequirement(key.literal, doesNotExist ? 'notexists' : 'exists', []);
    if (doesNotExist) return newRequirement(key.literal, 'notexists', []);
    // parseOperator
    const operator = this.consume(false);
    const op = ({ in: 'in', notin: 'notin', '=': 'eq', '==': 'eq', '!=': 'neq', '>': 'gt', '<': 'lt' } as Partial<Record<Token, Requirement['op']>>)[
      operator.tok
    ];
    if (!op) throw new SelectorError(`found '${operator.literal}', expected: ${BINARY_OPERATORS}`);
    const values = op === 'in' || op === 'notin' ? this.valueSet() : this.exactValue();
    return newRequirement(key.literal, op, values);
  }

  /** parseValues: `(x,y)`, sorted and without repeats as a sets.String lists them. */
  private valueSet(): string[] {
    const open = this.consume();
    if (open.tok !== '(') throw new SelectorError(`found '${open.literal}' expected: '('`);
    const first = this.lookahead();
    if (first.tok === ')') {
      this.consume();
      return [''];
    }
    if (first.tok !== 'id' && first.tok !== ',') throw new SelectorError(`found '${first.literal}', expected: ',', ')' or identifier`);
    const values = this.identifiers();
    if (this.consume().tok !== ')') throw new SelectorError(`found '${first.literal}', expected: ')'`);
    return [...new Set(values)].sort();
  }

  /** parseIdentifiersList: empty entries (`(,a)`, `(a,,b)`, `(a,)`) are the empty value. */
  private identifiers(): string[] {
    const values: string[] = [];
    for (;;) {
      const item = this.consume();
      if (item.tok === 'id') {
        values.push(item.literal);
        const next = this.lookahead();
        if (next.tok === ',') continue;
        if (next.tok === ')') return values;
        throw new SelectorError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (item.tok !== ',') throw new SelectorError(`found '${item.literal}', expected: ',', or identifier`);
      if (values.length === 0) values.push('');
      const next = this.lookahead();
      if (next.tok === ')') {
        values.push('');
        return values;
      }
      if (next.tok === ',') {
        this.consume();
        values.push('');
      }
    }
  }

  /** parseExactValue: nothing before `,` or the end is the empty value. */
  private exactValue(): string[] {
    const next = this.lookahead();
    if (next.tok === 'end' || next.tok === ',') return [''];
    const value = this.consume();
    if (value.tok === 'id') return [value.literal];
    throw new SelectorError(`found '${value.literal}', expected: identifier`);
  }
}

/** labels.Parse: the requirements sorted by key, or the error the API server answers with. */
export function parseSelector(text: string): SelectorResult {
  try {
    const requirements = new Parser(lex(text)).parse();
    // sort.Sort(ByKey): not a stable sort in Go, but requirements on one key keep no meaningful order.
    return { ok: true, requirements: requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) };
  } catch (error) {
    if (error instanceof SelectorError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Requirement.Matches. */
export function selectorMatches(requirements: readonly Requirement[], labels: Labels): boolean {
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const value = labels[r.key];
    switch (r.op) {
      case 'eq':
        return has && value === r.value;
      case 'neq':
        return !has || value !== r.value;
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(value ?? '');
      case 'notin':
        return !has || !r.values.includes(value ?? '');
      case 'gt':
      case 'lt': {
        const label = has ? int64(value ?? '') : undefined;
        const bound = int64(r.value);
        if (label === undefined || bound === undefined) return false;
        return r.op === 'gt' ? label > bound : label < bound;
      }
    }
  });
}

/** `"/v1, Resource=pods"`: a GroupVersionResource as Go's %q prints it. */
export function resourceOf(type: ResourceType): string {
  return goQuote(`${type.group ?? ''}/v1, Resource=${type.plural}`);
}

/**
 * The API server's 400 for a selector it cannot read, as kubectl's resource builder rewords it
 * (cli-runtime pkg/resource/selector.go Visit) and prints it.
 */
export function selectorRefusal(type: ResourceType, labelSelector: string, fieldSelector: string, error: string): string {
  return `Error from server (BadRequest): Unable to find ${resourceOf(type)} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${error}`;
}
