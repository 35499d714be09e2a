// Checking a typed answer against its rule. Rules arrive with their placeholders already filled.
import type { NumberRule, PortInRangeRule, TextRule, TypedRule, UrlRule, WrongUrl } from './model.js';
import { asNumber, normalizeText, portProblem, readNumber, squeeze } from './normalize.js';
import { formatUrl, normalizeHost, readUrl, type TypedUrl } from './url.js';

export interface RuleResult {
  readonly correct: boolean;
  /** Why the input is right or wrong (without the right answer; see ruleAnswer). */
  readonly reasons: readonly string[];
}

const right = (reason: string): RuleResult => ({ correct: true, reasons: [reason] });
const wrong = (...reasons: string[]): RuleResult => ({ correct: false, reasons });

function expectNumber(value: number | string, what: string): number {
  const n = asNumber(value);
  if (n === null) throw new Error(`the ${what} of a typed rule is not a number: "${String(value)}"`);
  return n;
}

/** The author's reason for a common wrong number, if the input is one. */
function knownWrongNumber(rule: NumberRule | PortInRangeRule, value: number): string | null {
  const entry = (rule.wrong ?? []).find((w) => asNumber(w.value) === value);
  return entry ? entry.why : null;
}

/**
 * A sentence around a number, where the rule asks for a number ("it should stay 80 i think"): a
 * slip of form, told how to type it rather than graded, as the words cannot be read for sure.
 * A number in another form (80:31231, 80/TCP, eighty) is still graded, with its own reason.
 */
export function numberInWords(rule: TypedRule, input: string): string | null {
  if (rule.rule !== 'number' && rule.rule !== 'port-in-range') return null;
  const shown = squeeze(input);
  if (readNumber(shown).ok || !/\d/.test(shown) || !/\s/.test(shown) || !/[a-z]/i.test(shown)) return null;
  return 'Type the number alone, in digits: words around it are not read. Nothing was counted yet.';
}

function checkNumber(rule: NumberRule, input: string): RuleResult {
  const read = readNumber(input);
  if (!read.ok) return wrong(read.why);
  const expected = expectNumber(rule.value, 'value');
  if (read.value === expected) return right(`${read.value} is right.`);
  const known = knownWrongNumber(rule, read.value);
  if (known) return wrong(known);
  return wrong(portProblem(read.value) ?? `${read.value} is not the number asked for.`);
}

function checkPortInRange(rule: PortInRangeRule, input: string): RuleResult {
  const read = readNumber(input);
  if (!read.ok) return wrong(read.why);
  const known = knownWrongNumber(rule, read.value);
  if (known) return wrong(known);
  const problem = portProblem(read.value);
  if (problem) return wrong(problem);
  const range = `the range runs from ${rule.min} to ${rule.max}`;
  if (read.value < rule.min) return wrong(`${read.value} is below ${rule.min}: ${range}.`);
  if (read.value > rule.max) return wrong(`${read.value} is above ${rule.max}: ${range}.`);
  return right(`${read.value} is between ${rule.min} and ${rule.max}.`);
}

function checkText(rule: TextRule, input: string): RuleResult {
  const shown = squeeze(input);
  if (shown === '') return wrong('Nothing was typed.');
  const norm = (text: string) => normalizeText(text, rule.caseSensitive ?? false);
  const typed = norm(input);
  const accepted = rule.accept.find((a) => norm(a) === typed);
  if (accepted !== undefined) return right(`"${accepted}" is right.`);
  const known = (rule.wrong ?? []).find((w) => norm(w.value) === typed);
  if (known) return wrong(known.why);
  const caseOnly = rule.caseSensitive && rule.accept.find((a) => a.toLowerCase() === typed.toLowerCase());
  if (caseOnly) return wrong(`Case matters here: write "${caseOnly}", not "${shown}".`);
  return wrong(`"${shown}" is not the answer.`);
}

function defaultPort(scheme: string): number {
  return scheme === 'https' ? 443 : 80;
}

type UrlPart = 'scheme' | 'host' | 'port';

function partsOf(entry: WrongUrl): UrlPart[] {
  return (['scheme', 'host', 'port'] as const).filter((part) => entry[part] !== undefined);
}

/** Every part a `wrong` entry names is what the learner typed (a left-out scheme or port matches nothing). */
function matchesWrongUrl(entry: WrongUrl, typed: TypedUrl): boolean {
  if (entry.scheme !== undefined && typed.scheme !== entry.scheme.toLowerCase()) return false;
  if (entry.host !== undefined && typed.host !== normalizeHost(entry.host)) return false;
  if (entry.port !== undefined && !(typed.port?.ok && typed.port.value === asNumber(entry.port))) return false;
  return true;
}

function checkUrl(rule: UrlRule, input: string): RuleResult {
  if (squeeze(input) === '') return wrong('Nothing was typed: type an address such as http://<node-ip>:<port>.');
  const typed = readUrl(input);
  if (!typed) return wrong(`"${squeeze(input)}" does not look like an address: write it as http://<node-ip>:<port>.`);
  const scheme = rule.scheme ?? 'http';
  const host = normalizeHost(rule.host);
  const port = expectNumber(rule.port, 'port');

  const off = new Set<UrlPart>();
  if (typed.scheme !== null && typed.scheme !== scheme) off.add('scheme');
  const hosts = [host, ...(rule.alsoHosts ?? []).map(normalizeHost)];
  if (!hosts.includes(typed.host)) off.add('host');
  if (!typed.port?.ok || typed.port.value !== port) off.add('port');

  const reasons: string[] = [];
  // The authors' reasons for well-known mistakes, most specific first. An entry explains only
  // parts that are really wrong, and a part already explained is not explained again.
  const explained = new Set<UrlPart>();
  for (const entry of [...(rule.wrong ?? [])].sort((a, b) => partsOf(b).length - partsOf(a).length)) {
    const parts = partsOf(entry);
    if (parts.length === 0 || !parts.every((part) => off.has(part) && !explained.has(part))) continue;
    if (!matchesWrongUrl(entry, typed)) continue;
    reasons.push(entry.why);
    parts.forEach((part) => explained.add(part));
  }
  const needsWords = (part: UrlPart) => off.has(part) && !explained.has(part);

  if (needsWords('scheme')) reasons.push(`The address starts with ${typed.scheme!}://, but this one is reached with ${scheme}://.`);
  if (needsWords('host')) reasons.push(`${typed.host} is not the address to send this request to.`);
  if (needsWords('port')) {
    if (typed.port === null) {
      const used = defaultPort(typed.scheme ?? scheme);
      reasons.push(`There is no port in the address, so the request would go to port ${used}. Add the port after a colon.`);
    } else if (!typed.port.ok) {
      reasons.push(`The port is not a number: ${typed.port.why}`);
    } else {
      reasons.push(portProblem(typed.port.value) ?? `Port ${typed.port.value} is not the port to use here.`);
    }
  }
  if (typed.path !== '' && typed.path !== '/') {
    reasons.push(`Leave out "${typed.path}": the address ends after the port.`);
  }
  if (reasons.length > 0) return wrong(...reasons);
  return right(`${formatUrl(typed.scheme ?? scheme, typed.host, port)} is right.`);
}

/** Checks typed input against a filled-in rule. */
export function checkTyped(rule: TypedRule, input: string): RuleResult {
  switch (rule.rule) {
    case 'number':
      return checkNumber(rule, input);
    case 'port-in-range':
      return checkPortInRange(rule, input);
    case 'text':
      return checkText(rule, input);
    case 'url':
      return checkUrl(rule, input);
  }
}

/** The right answer in words, for feedback: "80", "any port from 30000 to 32767", ... */
export function ruleAnswer(rule: TypedRule): string {
  switch (rule.rule) {
    case 'number':
      return String(expectNumber(rule.value, 'value'));
    case 'port-in-range':
      return `any port from ${rule.min} to ${rule.max}`;
    case 'text':
      return rule.accept.map((a) => `"${a}"`).join(' or ');
    case 'url':
      return formatUrl(rule.scheme ?? 'http', rule.host, expectNumber(rule.port, 'port'));
  }
}

/** One input that the rule accepts, e.g. for an answer key. */
export function sampleInput(rule: TypedRule): string {
  switch (rule.rule) {
    case 'number':
      return String(expectNumber(rule.value, 'value'));
    case 'port-in-range':
      return String(Math.floor((rule.min + rule.max) / 2));
    case 'text':
      return rule.accept[0] ?? '';
    case 'url':
      return formatUrl(rule.scheme ?? 'http', rule.host, expectNumber(rule.port, 'port'));
  }
}
