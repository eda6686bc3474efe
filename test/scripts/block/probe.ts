// Helpers shared by the scripts of test/block: markers and instrumented Blocks.
import { readFileSync, writeSync } from 'node:fs';
import * as crappy from 'crappy';

/**
 * Prints one marker line `@@ {json}` straight to the process's stdout (a
 * synchronous write, from any thread), so that the test can parse what
 * happened where even if a thread is terminated right after.
 */
export function mark(event: string, data: Record<string, unknown> = {}): void {
  writeSync(1, `@@ ${JSON.stringify({ event, main: crappy.isMainThread, ...data })}\n`);
}

/** The first command-line argument after the script, the scenario to play. */
export const mode = process.argv[2] ?? '';

/** Promise-based sleep, in ms. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of {@link Probe}. */
export interface ProbeOptions {
  /** Free text copied into every marker of this Block. */
  tag?: string;
  /** Stop the run after this many loops; null loops until stopped. */
  stopAfter?: number | null;
  /** Lifecycle method that throws. */
  throwIn?: 'prepare' | 'begin' | 'loop' | 'finish' | null;
  /** Loops per second. */
  freq?: number | null;
  /** Send `{i: loops}` at every loop. */
  send?: boolean;
}

/**
 * An instrumented Block: marks `prepare`, `begin`, the first `loop` and
 * `finish` (with its loop count), can stop the run after N loops and can
 * throw in a chosen method.
 */
export class Probe extends crappy.Block {
  loops = 0;
  private readonly options: ProbeOptions;

  constructor(options: ProbeOptions = {}) {
    super();
    this.options = options;
    this.freq = options.freq === undefined ? 50 : options.freq;
  }

  private note(event: string, extra: Record<string, unknown> = {}): void {
    mark(event, { block: this.name, tag: this.options.tag ?? null, ...extra });
  }

  private maybeThrow(where: ProbeOptions['throwIn']): void {
    if (this.options.throwIn === where) throw new Error(`${this.name} failed in ${where} on purpose`);
  }

  override prepare(): void {
    this.note('prepare');
    this.maybeThrow('prepare');
  }

  override begin(): void {
    this.note('begin');
    this.maybeThrow('begin');
  }

  override loop(): void {
    this.loops += 1;
    if (this.loops === 1) this.note('loop');
    if (this.options.send) this.send({ i: this.loops });
    this.maybeThrow('loop');
    const { stopAfter = 1 } = this.options;
    if (stopAfter !== null && this.loops >= stopAfter) this.stop();
  }

  override finish(): void {
    this.note('finish', { loops: this.loops, freq: this.freq });
    this.maybeThrow('finish');
  }
}

/** Receives `{i}` messages and marks the list of what it got in `finish`. */
export class Collect extends crappy.Block {
  private readonly got: number[] = [];
  private readonly tag: string | null;

  constructor(tag: string | null = null) {
    super();
    this.tag = tag;
  }

  override loop(): void {
    this.got.push(...((this.recvAllData().i ?? []) as number[]));
  }

  override finish(): void {
    this.got.push(...((this.recvAllData().i ?? []) as number[]));
    mark('collected', { block: this.name, tag: this.tag, got: this.got });
  }
}

/** This thread's nice value, field 19 of /proc/thread-self/stat. */
export function threadNice(): number {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
  return Number(fields[19 - 3]);
}
