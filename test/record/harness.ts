/**
 * Helpers of the record tests: Blocks driven in the test's thread with a
 * hand-set t0 and clock, their Link calls and logs stubbed per instance, as the
 * original's tests do (they mock a Block's Links and logger rather than start a
 * run).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Block, ControlBlock, type DataLists, type Message } from '../../packages/core/src/index.js';

/** A Block that does nothing, to link recording Blocks to. */
export class Dummy extends Block {
  override loop(): void {}
}

/** A clock whose time the test sets. */
export interface ManualClock {
  now: number;
  time(): number;
  sleep(seconds: number): void;
}

/** Gives `block` a run with `t0` set and a clock reading `now` (s since the epoch). */
export function attachRun(block: Block, t0: number, now: number): ManualClock {
  const control = ControlBlock.create(1, 0);
  control.t0.value = t0;
  block.attachRun(control);
  const clock: ManualClock = {
    now,
    time: () => clock.now,
    sleep: () => {},
  };
  block.clock = clock;
  return clock;
}

/** One log call of a Block. */
export interface LogCall {
  level: number;
  message: string;
}

/** Replaces `block.log` with a recorder of its calls. */
export function captureLogs(block: Block): LogCall[] {
  const logs: LogCall[] = [];
  block.log = (level, message) => {
    logs.push({ level: level as number, message });
  };
  return logs;
}

/** Replaces `block.send` with a recorder of what it is given. */
export function captureSends(block: Block): unknown[] {
  const sent: unknown[] = [];
  block.send = (data) => {
    sent.push(data);
  };
  return sent;
}

/** What a stubbed Recorder-like Block was asked. */
export interface StubbedInputs {
  /** Arguments of each `recvAllData` call. */
  recvCalls: unknown[][];
  /** Whether `dataAvailable()` says data is waiting. */
  available: boolean;
  /** Batches returned by the next `recvAllData` calls, in order (then `{}`). */
  batches: DataLists[];
}

/**
 * Stubs `dataAvailable` and `recvAllData` (which returns a Promise when
 * given a delay, as the real one does).
 */
export function stubInputs(block: Block, batches: DataLists[] = [], available = true): StubbedInputs {
  const state: StubbedInputs = { recvCalls: [], available, batches };
  block.dataAvailable = () => state.available;
  block.recvAllData = ((...args: unknown[]) => {
    state.recvCalls.push(args);
    const batch = state.batches.shift() ?? {};
    return args.length > 0 ? Promise.resolve(batch) : batch;
  }) as Block['recvAllData'];
  return state;
}

/** Stubs `recvLastData`: returns the given messages in turn and records its argument. */
export function stubLastData(block: Block, messages: Message[]): unknown[][] {
  const calls: unknown[][] = [];
  block.recvLastData = ((...args: unknown[]) => {
    calls.push(args);
    return messages.shift() ?? {};
  }) as Block['recvLastData'];
  return calls;
}

/** A fresh temporary folder; remove it with {@link removeFolder}. */
export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'crappy-record-'));
}

/** Removes a folder made by {@link tempFolder}. */
export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

/**
 * Parses CSV as Python's csv reader does with the default dialect: commas,
 * double quotes, doubled quotes inside quoted cells, `\n` or `\r\n` line ends.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
