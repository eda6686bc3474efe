/**
 * Log levels, with the numbers of Python's `logging` so that levels read the
 * same in both worlds.
 */
export const LogLevel = {
  DEBUG: 10,
  INFO: 20,
  WARNING: 30,
  ERROR: 40,
  CRITICAL: 50,
} as const;

/** One of the {@link LogLevel} numbers. */
export type LogLevel = (typeof LogLevel)[keyof typeof LogLevel];

/** A level by name, as accepted in options: `'debug'`, `'info'`, `'warning'`, `'error'`, `'critical'`. */
export type LogLevelName = Lowercase<keyof typeof LogLevel>;

/** The name printed in log lines for `level`. */
export function levelName(level: number): string {
  const entry = Object.entries(LogLevel).find(([, value]) => value === level);
  return entry ? entry[0] : `Level ${level}`;
}

/**
 * Reads a level given as a number or a name.
 * @param option the option's name, for the error message
 * @throws RangeError for an unknown level
 */
export function parseLevel(level: LogLevel | LogLevelName | number, option: string): number {
  if (typeof level === 'number' && Number.isFinite(level)) return level;
  if (typeof level === 'string') {
    const value = LogLevel[level.toUpperCase() as keyof typeof LogLevel];
    if (value !== undefined) return value;
  }
  throw new RangeError(`${option} must be one of debug, info, warning, error, critical (or a number), got ${JSON.stringify(level)}`);
}

/** The level of a Block from its `debug` attribute: true → DEBUG, false → INFO, null → CRITICAL. */
export function blockLevel(debug: boolean | null): number {
  if (debug === null) return LogLevel.CRITICAL;
  return debug ? LogLevel.DEBUG : LogLevel.INFO;
}
