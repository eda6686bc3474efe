/** A GPIO line's direction, as onoff names them (`'high'`/`'low'` are outputs that start at that level). */
export type GpioDirection = 'in' | 'out' | 'high' | 'low';
/** The edges a watched input reports, as onoff names them. */
export type GpioEdge = 'none' | 'rising' | 'falling' | 'both';

/** What the hub's GPIO service needs of an exported line: onoff's `Gpio` and a fake chip's line provide it. */
export interface GpioLine {
  read(): Promise<number>;
  write(value: number): Promise<void>;
  /** Calls `callback` at each edge of an input exported with an edge. */
  watch(callback: (error: Error | null | undefined, value: number) => void): void;
  unwatchAll(): void;
  unexport(): void;
}
