/**
 * Condition strings and functions (the original's
 * tests/generator_path/test_path.py), and the forms added here: >=, <=, ==, &&
 * and ||. Errors must point at the bad part.
 */
import { describe, expect, it } from 'vitest';
import { path } from '../../packages/core/src/index.js';
import { thrown } from './harness.js';

const { parseCondition, ConditionSyntaxError } = path;

/** Parses with a settable elapsed time. */
function parse(spec: path.ConditionSpec, elapsedLabel: string | null = null): { cond: path.Condition; at: (s: number) => void } {
  let elapsed = 0;
  const cond = parseCondition(spec, { elapsed: () => elapsed, elapsedLabel, owner: 'Test: option' });
  return { cond, at: (s) => (elapsed = s) };
}

/** The syntax error of `text`, with the column its caret points at. */
function syntaxError(text: string): { error: InstanceType<typeof ConditionSyntaxError>; caret: number; lines: string[] } {
  const error = thrown(() => parseCondition(text, { elapsed: () => 0 }));
  expect(error).toBeInstanceOf(ConditionSyntaxError);
  expect(error).toBeInstanceOf(RangeError);
  const lines = error.message.split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toBe(`    ${text}`);
  return { error: error as InstanceType<typeof ConditionSyntaxError>, caret: lines[2]!.indexOf('^') - 4, lines };
}

describe('the original forms', () => {
  it("'label>x' holds when any received value of the label is above x, never when the label is absent", () => {
    const { cond } = parse('x>1');
    expect(cond.test({ x: [0, 2] })).toBe(true);
    expect(cond.test({ x: [0, 1] })).toBe(false);
    expect(cond.test({ y: [5] })).toBe(false);
    expect(cond.test({})).toBe(false);
    expect(cond.usesData).toBe(true);
    expect(cond.text).toBe('x>1');
  });

  it("'label<x' holds when any value is below x; negative and decimal thresholds parse", () => {
    const { cond } = parse('F(N)<-5.5');
    expect(cond.test({ 'F(N)': [0, -6] })).toBe(true);
    expect(cond.test({ 'F(N)': [-5.5] })).toBe(false);
    expect(parse('x<1e3').cond.test({ x: [999] })).toBe(true);
    expect(parse('x<.5').cond.test({ x: [0.25] })).toBe(true);
  });

  it("thresholds are read as Python's float() reads them: inf, Infinity, nan, underscores", () => {
    expect(parse('x<inf').cond.test({ x: [1e308] })).toBe(true);
    expect(parse('x>-inf').cond.test({ x: [-1e308] })).toBe(true);
    expect(parse('x < Infinity').cond.test({ x: [0] })).toBe(true);
    expect(parse('x<-INFINITY').cond.test({ x: [-1e308] })).toBe(false);
    expect(parse('x>nan').cond.test({ x: [1] })).toBe(false);
    expect(parse('x>1_000').cond.test({ x: [999] })).toBe(false);
    expect(parse('x>1_000').cond.test({ x: [1001] })).toBe(true);
    expect(parse('x>1_0.2_5e0_1').cond.test({ x: [102.6] })).toBe(true);
    expect(parse('x<1.').cond.test({ x: [0.5] })).toBe(true);
    expect(parse('delay=1_0').cond.test({})).toBe(false);
    expect(parse('delay=inf').cond.usesData).toBe(false);
  });

  it("'<' is looked for first, as in the original: 'a>b<1' compares the label 'a>b' with < 1", () => {
    const { cond } = parse('a>b<1');
    expect(cond.test({ 'a>b': [0] })).toBe(true);
    expect(cond.test({ 'a>b': [2] })).toBe(false);
    expect(cond.test({ a: [5] })).toBe(false);
    expect(parse('x>=1<2').cond.test({ 'x>=1': [1.5] })).toBe(true);
  });

  it('spaces around the operator are ignored, labels keep inner spaces', () => {
    expect(parse('x > 1').cond.test({ x: [2] })).toBe(true);
    expect(parse('my label   <   3  ').cond.test({ 'my label': [2] })).toBe(true);
  });

  it('a space at the very start belongs to the label, as in the original', () => {
    const { cond } = parse(' x>1');
    expect(cond.test({ x: [2] })).toBe(false);
    expect(cond.test({ ' x': [2] })).toBe(true);
  });

  it("'delay=x' holds once more than x seconds have passed, whatever the data", () => {
    const { cond, at } = parse('delay=3');
    expect(cond.usesData).toBe(false);
    at(3);
    expect(cond.test({ x: [1] })).toBe(false);
    at(3.001);
    expect(cond.test({})).toBe(true);
  });

  it("'delay' in any case, with spaces around '='", () => {
    for (const text of ['Delay = 3', 'DELAY=3', 'delay =3', 'delay= 3 ']) {
      const { cond, at } = parse(text);
      at(2.9);
      expect(cond.test({}), text).toBe(false);
      at(3.1);
      expect(cond.test({}), text).toBe(true);
    }
  });

  it("' delay=3' is not valid (the original's rule): the error says why", () => {
    const { caret, lines } = syntaxError(' delay=3');
    expect(caret).toBe(0);
    expect(lines[0]).toMatch(/Wrong syntax for the condition: a delay condition must start with 'delay', without a space before it/);
  });

  it('null never holds; a function is used as is, its result taken as a boolean', () => {
    const never = parse(null).cond;
    expect(never.test({ x: [1] })).toBe(false);
    expect(never.usesData).toBe(false);
    const seen: unknown[] = [];
    const fn = parse((data) => {
      seen.push(data);
      return (data.x?.length ?? 0) > 1;
    }).cond;
    expect(fn.test({ x: [1, 2] })).toBe(true);
    expect(fn.test({ x: [1] })).toBe(false);
    expect(seen).toEqual([{ x: [1, 2] }, { x: [1] }]);
    expect(fn.usesData).toBe(true);
  });

  it('booleans compare as 0 and 1; strings, null and arrays never compare', () => {
    expect(parse('b>0.5').cond.test({ b: [false, true] })).toBe(true);
    expect(parse('s>0').cond.test({ s: ['5', null, [7]] })).toBe(false);
    expect(parse('s<0').cond.test({ s: ['-5'] })).toBe(false);
  });
});

describe('the added forms', () => {
  it('>=, <= and == compare inclusively', () => {
    expect(parse('x>=1').cond.test({ x: [1] })).toBe(true);
    expect(parse('x>=1').cond.test({ x: [0.9] })).toBe(false);
    expect(parse('x<=1').cond.test({ x: [1] })).toBe(true);
    expect(parse('x<=1').cond.test({ x: [1.1] })).toBe(false);
    expect(parse('x == 2').cond.test({ x: [1, 2] })).toBe(true);
    expect(parse('x==2').cond.test({ x: [2.5] })).toBe(false);
  });

  it('&& needs both sides, || either', () => {
    const and = parse('x>1 && y<0').cond;
    expect(and.test({ x: [2], y: [-1] })).toBe(true);
    expect(and.test({ x: [2], y: [1] })).toBe(false);
    const or = parse('x>1||y<0').cond;
    expect(or.test({ y: [-1] })).toBe(true);
    expect(or.test({ x: [0], y: [0] })).toBe(false);
  });

  it('&& binds tighter than ||', () => {
    const cond = parse('a>1 || b>1 && c>1').cond;
    expect(cond.test({ a: [2] })).toBe(true);
    expect(cond.test({ b: [2] })).toBe(false);
    expect(cond.test({ b: [2], c: [2] })).toBe(true);
    const other = parse('a>1 && b>1 || c>1').cond;
    expect(other.test({ c: [2] })).toBe(true);
    expect(other.test({ a: [2] })).toBe(false);
  });

  it('delay combines with labels; usesData is true as soon as one term reads data', () => {
    const { cond, at } = parse('delay=2 && x>1');
    expect(cond.usesData).toBe(true);
    expect(cond.test({ x: [2] })).toBe(false);
    at(2.5);
    expect(cond.test({ x: [2] })).toBe(true);
    expect(parse('delay=2 || delay = 5').cond.usesData).toBe(false);
  });

  it("an elapsed-time label (StopBlock, Pause: 't(s)') compares the time since the start, not received values", () => {
    const { cond, at } = parse('t(s)>5', 't(s)');
    expect(cond.usesData).toBe(false);
    expect(cond.test({ 't(s)': [10] })).toBe(false);
    at(6);
    expect(cond.test({})).toBe(true);
    const window = parse('t(s)>5 && t(s)<8', 't(s)');
    window.at(7);
    expect(window.cond.test({})).toBe(true);
    window.at(9);
    expect(window.cond.test({})).toBe(false);
    // without an elapsed label, 't(s)' is a label like the others (Paths)
    expect(parse('t(s)>5').cond.test({ 't(s)': [10] })).toBe(true);
  });
});

describe('errors point at the bad part', () => {
  it.each([
    ['x>>3', 2, /expected a number after '>', got '>3'/],
    ['x>', 2, /missing number after '>'/],
    ['x >  ', 3, /missing number after '>'/],
    ['>3', 0, /missing label before '>'/],
    ['x>abc', 2, /expected a number after '>', got 'abc'/],
    ['x<3 4', 2, /expected a number after '<', got '3 4'/],
    ['x>1 &&', 4, /missing condition after '&&'/],
    ['&& x>1', 0, /missing condition before '&&'/],
    ['x>1 ||  || y<2', 4, /missing condition after '\|\|'/],
    ['x>1 && hello', 7, /'hello' is not a condition/],
    ['hello', 0, /Wrong syntax for the condition: 'hello' is not a condition; write/],
    ['delayed=3', 5, /expected '=' after 'delay'/],
    ['delay 3', 6, /expected '=' after 'delay'/],
    ['delay=', 6, /missing number of seconds after 'delay='/],
    ['delay=soon', 6, /expected a number of seconds after 'delay=', got 'soon'/],
    ['x=3', 0, /'x=3' is not a condition/],
    ['x>1__0', 2, /expected a number after '>', got '1__0'/],
    ['x>_1', 2, /expected a number after '>', got '_1'/],
    ['x>1_', 2, /expected a number after '>', got '1_'/],
    ['x>infinit', 2, /expected a number after '>', got 'infinit'/],
    ['a<b<1', 2, /expected a number after '<', got 'b<1'/],
  ])('%j: caret at %i', (text, column, reason) => {
    const { error, caret, lines } = syntaxError(text);
    expect(lines[0]).toMatch(reason);
    expect(lines[0]).toContain(`invalid condition '${text}'`);
    expect(caret).toBe(column);
    expect(error.index).toBe(column);
    expect(error.condition).toBe(text);
  });

  it('an empty string is an error', () => {
    expect(syntaxError('   ').lines[0]).toMatch(/the condition is empty/);
  });

  it('the message starts with the owner (class and option)', () => {
    const error = thrown(() => parseCondition('x>>1', { elapsed: () => 0, owner: "Ramp: option 'condition'" }));
    expect(error.message.startsWith("Ramp: option 'condition': invalid condition 'x>>1'")).toBe(true);
  });

  it('a value that is not a string, a function or null is a TypeError', () => {
    const error = thrown(() => parseCondition(3 as unknown as string, { elapsed: () => 0, owner: 'Ramp' }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('Ramp: a condition must be a string, a function or null, got 3');
  });
});
