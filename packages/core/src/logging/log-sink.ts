import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRecord, type LogRecord } from './log-record.js';
import { LogLevel } from './levels.js';

/** Where the log file of the last run is: `<os tmpdir>/crappy/logs.txt`. */
export function logFilePath(): string {
  return join(tmpdir(), 'crappy', 'logs.txt');
}

/**
 * The main thread's end of logging: every record of every Block goes to
 * stdout (DEBUG, INFO) or stderr (WARNING and above), and to the run's log
 * file, truncated at the start of each run.
 */
export class LogSink {
  private fd: number | null = null;

  /** Opens the log file (failures to open it are reported once and logging goes on without it). */
  open(): void {
    const path = logFilePath();
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      this.fd = openSync(path, 'w');
    } catch (error) {
      process.stderr.write(`crappy: cannot write the log file ${path}: ${(error as Error).message}\n`);
    }
  }

  /** Writes one record. */
  write(record: LogRecord): void {
    const line = `${formatRecord(record)}\n`;
    (record.level >= LogLevel.WARNING ? process.stderr : process.stdout).write(line);
    if (this.fd !== null) writeSync(this.fd, line);
  }

  /** Closes the log file. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
