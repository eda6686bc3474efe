import type { DataLists } from '../block/block.js';
import { describe } from '../options/index.js';
import { parsePythonFloat } from './python-float.js';

/**
 * A condition written as a function: it gets what the Block received during
 * the loop (`{label: [values]}`, as returned by `recvAllData()`) and returns
 * whether the condition holds.
 */
export type ConditionFunction = (data: DataLists) => boolean;

/**
 * A condition as the user gives it:
 * - a string, parsed once when the Path or Block is created (see
 *   {@link parseCondition} for the syntax);
 * - a {@link ConditionFunction};
 * - `null`: a condition that never holds.
 */
export type ConditionSpec = string | ConditionFunction | null;

/** A condition ready to be tested, made by {@link parseCondition}. */
export interface Condition {
  /** Whether the condition holds, given this loop's received data. */
  test(data: DataLists): boolean;
  /**
   * Whether the condition reads received labels. `false` for conditions on
   * time only (`'delay=3'`, or `'t(s)>3'` in StopBlock and Pause criteria)
   * and for `null`.
   */
  readonly usesData: boolean;
  /** The condition as given, for log messages. */
  readonly text: string;
}

/** The comparison operators of condition strings. */
export type ComparisonOperator = '<' | '>' | '<=' | '>=' | '==';

/** Options of {@link parseCondition}. */
export interface ParseConditionOptions {
  /** Seconds since the start that `delay=x` counts from (read when the condition is tested). */
  elapsed: () => number;
  /** Prefix of error messages, naming the class and the option (e.g. `"Ramp: option 'condition'"`). */
  owner?: string;
  /**
   * A label that means "time elapsed", compared with {@link ParseConditionOptions.elapsed}
   * instead of received values (`'t(s)'` for StopBlock and Pause criteria); `null` for none.
   */
  elapsedLabel?: string | null;
}

/**
 * A condition string that cannot be parsed. Its message quotes the string
 * and puts a caret under the offending part.
 */
export class ConditionSyntaxError extends RangeError {
  override name = 'ConditionSyntaxError';

  /**
   * @param message the complete message
   * @param condition the string that failed to parse
   * @param index where in `condition` the problem is
   */
  constructor(message: string, readonly condition: string, readonly index: number) {
    super(message);
  }
}

const COMPARE: Record<ComparisonOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
};

/** The original's words for a string that is neither a comparison nor a delay. */
const WRONG_SYNTAX = 'Wrong syntax for the condition';
const SYNTAX = "write '<label> > <number>', '<label> < <number>' (or >=, <=, ==), or 'delay=<seconds>', joined by && or ||";

/** One comparison or delay, the leaves of a condition string. */
interface Term {
  test(data: DataLists): boolean;
  usesData: boolean;
}

/**
 * Turns a {@link ConditionSpec} into a {@link Condition}, once, so that a bad
 * string fails when the Path or Block is created.
 *
 * The string forms are those of the original Crappy:
 * - `'label>x'` / `'label<x'`: holds if *any* value of `label` received
 *   during the loop is above / below the number `x`; never holds when the
 *   label was not received. Spaces around the operator are ignored. The
 *   first `<` is the operator if there is one, else the first `>`
 *   (`'a>b<1'` compares the label `a>b` with `< 1`). `x` is read as
 *   Python's `float()` reads it (`1_000`, `inf`…).
 * - `'delay=x'` (`delay` in any case, at the very start, spaces allowed
 *   around `=`): holds once more than `x` seconds have passed since the
 *   start (for a Path, the start of the Path or of its current phase).
 *
 * and, beyond them, the operators `>=`, `<=` and `==`, and `&&` / `||`
 * between conditions (`&&` binds tighter; there are no parentheses, since
 * labels such as `'F(N)'` contain them).
 *
 * @throws ConditionSyntaxError for a string that does not follow the syntax
 * @throws TypeError for a value that is not a string, a function or null
 */
export function parseCondition(spec: ConditionSpec, options: ParseConditionOptions): Condition {
  const owner = options.owner === undefined ? '' : `${options.owner}: `;
  if (spec === null) return { test: () => false, usesData: false, text: 'null' };
  if (typeof spec === 'function') {
    return { test: (data) => Boolean(spec(data)), usesData: true, text: `function ${spec.name || '(anonymous)'}` };
  }
  if (typeof spec !== 'string') {
    throw new TypeError(`${owner}a condition must be a string, a function or null, got ${describe(spec)}`);
  }
  return new ConditionParser(spec, owner, options).parse();
}

/** Parses one condition string into alternatives of conjunctions of terms. */
class ConditionParser {
  constructor(
    private readonly text: string,
    private readonly owner: string,
    private readonly options: ParseConditionOptions,
  ) {}

  parse(): Condition {
    const text = this.text;
    if (text.trim() === '') this.fail('the condition is empty', 0);
    const alternatives: Term[][] = [[]];
    let start = 0;
    let joiner: string | null = null;
    for (let i = 0; i <= text.length; i++) {
      const pair = text.slice(i, i + 2);
      if (i < text.length && pair !== '&&' && pair !== '||') continue;
      alternatives[alternatives.length - 1]!.push(this.term(start, i, joiner));
      if (i === text.length) break;
      if (pair === '||') alternatives.push([]);
      joiner = pair;
      start = i + 2;
      i += 1;
    }
    const usesData = alternatives.some((terms) => terms.some((term) => term.usesData));
    return {
      test: (data) => alternatives.some((terms) => terms.every((term) => term.test(data))),
      usesData,
      text,
    };
  }

  /**
   * Parses `text[start, end)`. Spaces after a joiner and before the end are
   * ignored; spaces at the very start of the string belong to the label, as
   * in the original.
   */
  private term(start: number, end: number, joiner: string | null): Term {
    const text = this.text;
    let s = start;
    if (joiner !== null) while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (s === e) {
      if (joiner === null) this.fail(`missing condition before '${text.slice(end, end + 2)}'`, end);
      this.fail(`missing condition after '${joiner}'`, start - 2);
    }
    const body = text.slice(s, e);
    const found = findOperator(body);
    if (found !== null) return this.comparison(body, s, found.at, found.operator);
    if (/^delay/i.test(body)) return this.delay(body, s);
    if (/^\s+delay/i.test(body)) this.fail(`${WRONG_SYNTAX}: a delay condition must start with 'delay', without a space before it`, 0);
    return this.fail(`${WRONG_SYNTAX}: '${body}' is not a condition; ${SYNTAX}`, s);
  }

  private comparison(body: string, offset: number, at: number, operator: ComparisonOperator): Term {
    const label = body.slice(0, at).trimEnd();
    if (label === '') this.fail(`missing label before '${operator}'`, offset + at);
    const threshold = this.number(body, offset, at + operator.length, `after '${operator}'`);
    const compare = COMPARE[operator];
    if (label === this.options.elapsedLabel) {
      const elapsed = this.options.elapsed;
      return { test: () => compare(elapsed(), threshold), usesData: false };
    }
    return {
      test: (data) => {
        const values = data[label];
        return Array.isArray(values) && values.some((value) => compare(asNumber(value), threshold));
      },
      usesData: true,
    };
  }

  private delay(body: string, offset: number): Term {
    let i = 'delay'.length;
    while (i < body.length && /\s/.test(body[i]!)) i++;
    if (body[i] !== '=') this.fail(`expected '=' after 'delay' (write 'delay=<seconds>')`, offset + i);
    const seconds = this.number(body, offset, i + 1, "of seconds after 'delay='");
    const elapsed = this.options.elapsed;
    return { test: () => elapsed() > seconds, usesData: false };
  }

  /** The number in `body` from `from` to its end, spaces ignored. */
  private number(body: string, offset: number, from: number, what: string): number {
    let i = from;
    while (i < body.length && /\s/.test(body[i]!)) i++;
    const raw = body.slice(i);
    if (raw === '') this.fail(`missing number ${what}`, offset + from);
    const value = parsePythonFloat(raw);
    if (value === null) this.fail(`expected a number ${what}, got '${raw}'`, offset + i);
    return value;
  }

  private fail(reason: string, index: number): never {
    const message = `${this.owner}invalid condition '${this.text}': ${reason}\n    ${this.text}\n    ${' '.repeat(index)}^`;
    throw new ConditionSyntaxError(message, this.text, index);
  }
}

/**
 * The comparison operator of one condition, found as the original does: the
 * first `<` if there is one (so `'a>b<1'` compares the label `a>b`), else
 * the first `>`, else `==`; `<=` and `>=` when followed by `=`.
 * @returns where the operator starts and which it is, or `null` when there is none
 */
function findOperator(body: string): { at: number; operator: ComparisonOperator } | null {
  for (const sign of ['<', '>'] as const) {
    const at = body.indexOf(sign);
    if (at >= 0) return { at, operator: body[at + 1] === '=' ? `${sign}=` : sign };
  }
  const at = body.indexOf('==');
  return at >= 0 ? { at, operator: '==' } : null;
}

/** A received value as a number for comparisons: booleans count as 0 and 1, anything else never compares. */
function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  return Number.NaN;
}
