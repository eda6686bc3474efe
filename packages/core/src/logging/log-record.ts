import { levelName } from './levels.js';

/** One log line, as it travels from a Block's thread to the main thread. */
export interface LogRecord {
  /** Seconds since the epoch. */
  time: number;
  /** Who logs: a Block's name, or `crappy`. */
  name: string;
  /** Numeric level. */
  level: number;
  /** The text. */
  message: string;
}

/** Where log records go. */
export type LogSinkFn = (record: LogRecord) => void;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Formats a record as `YYYY-MM-DD HH:MM:SS,mmm name LEVEL    message` (local time). */
export function formatRecord(record: LogRecord): string {
  const d = new Date(record.time * 1000);
  const stamp =
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())},${pad(d.getMilliseconds(), 3)}`;
  return `${stamp} ${record.name} ${levelName(record.level).padEnd(8)} ${record.message}`;
}
