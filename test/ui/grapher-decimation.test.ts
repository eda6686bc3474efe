// The Grapher's decimation, in-thread, without a browser: points are fed
// through a stubbed recvAllData(), and the updates the Block sends to its
// panel are applied to a model of the page (a `replace` update sets the
// curve, any other appends; a rolling window keeps its last `keep` points).
// The numbers are those of docs/ui.md: over the whole test, past `maxPt` the
// curve is halved and from then on one point out of 2, 4, 8... is kept; in a
// rolling window longer than `maxPt`, one point out of ceil(length / maxPt).
import { reset, type DataLists } from '@crappy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Grapher, type GrapherOptions } from '../../packages/ui/src/blocks/grapher.js';
import type { PanelUpdate } from '../../packages/ui/src/ui-block.js';

afterEach(() => reset());

/** A Grapher of one curve (x, y) that reads fed points and keeps a model of its page. */
class FedGrapher extends Grapher {
  private waiting: DataLists = {};
  /** The page's curve, as the Block's updates leave it. */
  page: { xs: number[]; ys: number[] } = { xs: [], ys: [] };
  /** How many `replace` updates the Block sent. */
  replaced = 0;

  constructor(options: GrapherOptions) {
    super(['x', 'y'], options);
    // recvAllData() hands over what feed() gave, once (as the Links would).
    this.recvAllData = (() => {
      const data = this.waiting;
      this.waiting = {};
      return data;
    }) as Grapher['recvAllData'];
    this.prepare();
  }

  /** Feeds the points x = y = each of `xs` to one loop. */
  feed(xs: number[]): void {
    this.waiting = { x: xs, y: xs };
    this.loop();
  }

  protected override toPage(update: PanelUpdate): void {
    if (update.kind !== 'series') throw new Error(`unexpected update ${update.kind}`);
    const [xs, ys] = update.curves[0]!;
    if (update.replace) {
      this.replaced += 1;
      this.page = { xs: [...xs], ys: [...ys] };
    } else {
      this.page.xs.push(...xs);
      this.page.ys.push(...ys);
    }
    const { rolling, keep } = this.panel().settings as { rolling: boolean; keep: number };
    if (rolling) this.page = { xs: this.page.xs.slice(-keep), ys: this.page.ys.slice(-keep) };
  }
}

/** The integers from `first` to `last` by `stride`. */
function range(first: number, last: number, stride = 1): number[] {
  const values: number[] = [];
  for (let value = first; value <= last; value += stride) values.push(value);
  return values;
}

/** Feeds the points 1 to `count` to `grapher`, one per loop. */
function feedOneByOne(grapher: FedGrapher, count: number): void {
  for (let x = 1; x <= count; x++) grapher.feed([x]);
}

describe('Grapher decimation over the whole test (length 0)', () => {
  it('keeps every point up to maxPt, then halves to every other one', () => {
    const grapher = new FedGrapher({ maxPt: 5000 });
    feedOneByOne(grapher, 5000);
    expect(grapher.page.xs).toEqual(range(1, 5000));
    expect(grapher.replaced).toBe(0);
    grapher.feed([5001]);
    expect(grapher.replaced).toBe(1);
    expect(grapher.page.xs).toEqual(range(1, 5001, 2));
    expect(grapher.page.ys).toEqual(grapher.page.xs);
  });

  it('then keeps one point out of 2, then 4: 5000 points of 20 000, one out of 4', () => {
    const grapher = new FedGrapher({ maxPt: 5000 });
    feedOneByOne(grapher, 10_000);
    expect(grapher.page.xs).toEqual(range(1, 9999, 2));
    for (let x = 10_001; x <= 20_000; x++) grapher.feed([x]);
    // Halved again at 10 001: every 4th point from 1.
    expect(grapher.replaced).toBe(2);
    expect(grapher.page.xs).toEqual(range(1, 19_997, 4));
    expect(grapher.page.xs).toHaveLength(5000);
    grapher.feed([20_001]);
    expect(grapher.replaced).toBe(3);
    expect(grapher.page.xs).toEqual(range(1, 20_001, 8));
  });

  it('holds between maxPt / 2 and maxPt points once halved, whatever the batches (docs/ui.md: 2 500–5 000)', () => {
    const grapher = new FedGrapher({ maxPt: 5000 });
    let next = 1;
    const sizes = [1, 7, 100, 333, 1000, 2, 4999];
    for (let batch = 0; next <= 200_000; batch++) {
      const size = sizes[batch % sizes.length]!;
      grapher.feed(range(next, next + size - 1));
      next += size;
      if (next > 5001) {
        expect(grapher.page.xs.length).toBeGreaterThanOrEqual(2500);
        expect(grapher.page.xs.length).toBeLessThanOrEqual(5000);
      }
    }
    // Evenly spaced, from the first point on.
    const xs = grapher.page.xs;
    const stride = xs[1]! - xs[0]!;
    expect(xs[0]).toBe(1);
    expect(xs.every((x, i) => x === 1 + i * stride)).toBe(true);
  });
});

describe('Grapher decimation in a rolling window', () => {
  it('length 20 000 with maxPt 5000: one point out of 4, the last 5000 kept (docs/ui.md)', () => {
    const grapher = new FedGrapher({ length: 20_000, maxPt: 5000 });
    expect(grapher.panel().settings).toMatchObject({ rolling: true, keep: 5000 });
    for (let x = 1; x <= 30_000; x += 100) grapher.feed(range(x, x + 99));
    expect(grapher.page.xs).toEqual(range(10_004, 30_000, 4));
    expect(grapher.replaced).toBe(0);
  });

  it('a window shorter than maxPt keeps every point of the last `length`', () => {
    const grapher = new FedGrapher({ length: 1000 });
    expect(grapher.panel().settings).toMatchObject({ rolling: true, keep: 1000 });
    for (let x = 1; x <= 3000; x += 250) grapher.feed(range(x, x + 249));
    expect(grapher.page.xs).toEqual(range(2001, 3000));
  });

  it('rounds the stride up: length 10 001 with maxPt 5000 keeps one point out of 3', () => {
    const grapher = new FedGrapher({ length: 10_001, maxPt: 5000 });
    expect(grapher.panel().settings).toMatchObject({ keep: 3334 });
    feedOneByOne(grapher, 12_000);
    expect(grapher.page.xs).toEqual(range(12_000 - 3 * 3333, 12_000, 3));
  });
});
