import { systemClock } from '../time/clock.js';
import type { LogSinkFn } from './log-record.js';

/**
 * A named logger with a threshold: records below it are not even sent to
 * the main thread.
 */
export class Logger {
  /**
   * @param name printed in each line
   * @param level records below this level are discarded
   * @param sink where records go
   */
  constructor(readonly name: string, readonly level: number, private readonly sink: LogSinkFn) {}

  /** Logs `message` at `level`. */
  log(level: number, message: string): void {
    if (level < this.level) return;
    this.sink({ time: systemClock.time(), name: this.name, level, message });
  }
}

/** Text of an error for a log line: its stack when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
