import { setPriority } from 'node:os';
import type { Block } from '../block/block.js';
import { LogLevel } from '../logging/levels.js';

/** The niceness actually applied to a Block: never below 0 unless `allowRoot`. */
export function appliedNiceness(niceness: number, allowRoot: boolean): number {
  return Math.min(19, Math.max(niceness, allowRoot ? -20 : 0));
}

/**
 * Applies a Block's niceness to the calling thread (on Linux, priority 0
 * designates the calling thread only). Does nothing on Windows; a refusal
 * (negative niceness without the right) is logged, not fatal.
 */
export function reniceThisThread(block: Block, allowRoot: boolean): void {
  if (process.platform === 'win32') return;
  const niceness = appliedNiceness(block.niceness, allowRoot);
  try {
    setPriority(0, niceness);
    block.log(LogLevel.DEBUG, `Niceness set to ${niceness}`);
  } catch (error) {
    block.log(LogLevel.WARNING, `Could not set the niceness to ${niceness}: ${(error as Error).message}`);
  }
}
