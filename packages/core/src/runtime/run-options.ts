import type { LogLevel, LogLevelName } from '../logging/levels.js';
import type { ExtensionOptions } from './extensions.js';

/** Options of `prepare()` (run extensions such as `@crappy/ui` add theirs, e.g. `ui`). */
export interface PrepareOptions extends ExtensionOptions {
  /** Global log threshold (default `'debug'`); `null` disables logging. */
  logLevel?: LogLevel | LogLevelName | number | null;
  /** The script the Block workers re-run (default: the script Node was started with). */
  entry?: string;
}

/** Options of `renice()`. */
export interface ReniceOptions {
  /** Allow negative niceness (needs the right to raise priorities). */
  allowRoot?: boolean;
}

/** Options of `launch()`. */
export interface LaunchOptions {
  /** Do not throw `CrappyFail` / `KeyboardInterrupt` at the end of a failed or interrupted run. */
  noRaise?: boolean;
}

/** Options of `start()`: those of prepare, renice and launch. */
export type StartOptions = PrepareOptions & ReniceOptions & LaunchOptions;
