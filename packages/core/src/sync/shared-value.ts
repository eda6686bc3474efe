/**
 * A floating-point number shared between threads (the run's `t0`, a clock
 * anchor). Written by one thread; readers synchronise through an event set
 * after the write, so no lock is needed.
 */
export class SharedValue {
  /**
   * @param cells the shared cells holding the value
   * @param index which cell of `cells` is this value's
   */
  constructor(readonly cells: Float64Array, readonly index: number) {}

  /** Creates a value in a buffer of its own, holding `initial`. */
  static create(initial = 0): SharedValue {
    const value = new SharedValue(new Float64Array(new SharedArrayBuffer(8)), 0);
    value.value = initial;
    return value;
  }

  /** The current value. */
  get value(): number {
    return this.cells[this.index]!;
  }

  set value(v: number) {
    this.cells[this.index] = v;
  }
}
