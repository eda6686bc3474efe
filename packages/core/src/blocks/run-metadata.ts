/**
 * The description of a run saved next to a recording (`<file>.meta.json`):
 * when it started, from which script, with which library version, and its
 * Blocks and Links with their settings.
 * @module
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Block } from '../block/block.js';
import { Link } from '../link/link.js';
import { runState } from '../block/run-state.js';
import { isMainThread } from '../runtime/worker-info.js';

/** What `<file>.meta.json` holds. */
export interface RunMetadata {
  /** The recorded file, as an absolute path. */
  file: string;
  /** The run's start (`t0`) as an ISO 8601 date, UTC. */
  startDate: string;
  /** The run's start, in seconds since the epoch: `t(s)` values are relative to it. */
  t0: number;
  /** The script that ran the test (absolute path), `null` when unknown. */
  script: string | null;
  /** Version of `@crappy/core`. */
  crappyVersion: string;
  /** Version of Node.js. */
  node: string;
  /** The run's Blocks, in creation order. */
  blocks: BlockMetadata[];
  /** The run's Links, in creation order. */
  links: LinkMetadata[];
}

/** One Block in {@link RunMetadata}. */
export interface BlockMetadata {
  /** The Block's name, `crappy.<Class>-<n>`. */
  name: string;
  /** The Block's class name. */
  class: string;
  /** Target loops per second (`null`: as fast as possible). */
  freq: number | null;
  /** Priority of the Block's thread. */
  niceness: number;
  /** Names of the values the Block sends as an array. */
  labels: string[] | null;
  /** Whether the Block logs its loops/s. */
  displayFreq: boolean;
  /** The Block's log setting. */
  debug: boolean | null;
  /** Whether the Block pauses with the run. */
  pausable: boolean;
  /** The other public fields of the Block as it was built by the script: its options. */
  options: Record<string, unknown>;
}

/** One Link in {@link RunMetadata}. */
export interface LinkMetadata {
  /** The Link's name. */
  name: string;
  /** Name of the sending Block. */
  sender: string;
  /** Name of the receiving Block. */
  receiver: string;
  /** Most messages waiting at once. */
  capacity: number;
  /** What the Link does when full. */
  whenFull: string;
  /** The modifiers, by class or function name. */
  modifiers: string[];
}

/** Fields of every Block that are the runtime's state, not settings (see `block/block.ts`). */
const RUNTIME_FIELDS = new Set(['name', 'inputs', 'outputs', 'clock', 'activity', 'finishing', 'control', 'logger', 'bell', 'lastValues']);
/** Settings of every Block, listed apart from the options. */
const SETTINGS = new Set(['freq', 'niceness', 'labels', 'displayFreq', 'debug', 'pausable']);
/** How deep nested options are described. */
const MAX_DEPTH = 4;

/** The script the run was started from; outside a run, the main thread's entry; `null` when unknown. */
function mainScript(): string | null {
  if (runState.script !== null) return runState.script;
  return isMainThread && process.argv[1] ? resolve(process.argv[1]) : null;
}

/** Version of `@crappy/core`, from its package.json. */
function libraryVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * Describes the current run, as this thread built it: its Blocks and Links
 * as the script made them, `t0`, the script and the library version.
 * @param file the recorded file
 * @param t0 the run's start, s since the epoch
 */
export function runMetadata(file: string, t0: number): RunMetadata {
  return {
    file: resolve(file),
    startDate: new Date(t0 * 1000).toISOString(),
    t0,
    script: mainScript(),
    crappyVersion: libraryVersion(),
    node: process.version,
    blocks: runState.instances.map(describeBlock),
    links: runState.links.map(describeLink),
  };
}

/** Describes one Block: its class, name, common settings and other public fields. */
function describeBlock(block: Block): BlockMetadata {
  const options: Record<string, unknown> = {};
  const proto = Object.getPrototypeOf(block) as object;
  for (const [key, value] of Object.entries(block)) {
    if (key.startsWith('_') || RUNTIME_FIELDS.has(key) || SETTINGS.has(key) || value === undefined) continue;
    // a method replaced on this instance (a test's stub, a patch) is not an option
    if (typeof value === 'function' && key in proto) continue;
    options[key] = toJson(value, 1, new Set([block]));
  }
  return {
    name: block.name,
    class: block.constructor.name,
    freq: block.freq,
    niceness: block.niceness,
    labels: block.labels === null ? null : [...block.labels],
    displayFreq: block.displayFreq,
    debug: block.debug,
    pausable: block.pausable,
    options,
  };
}

function describeLink(link: Link): LinkMetadata {
  return {
    name: link.name,
    sender: link.sender.name,
    receiver: link.receiver.name,
    capacity: link.capacity,
    whenFull: link.whenFull,
    modifiers: link.modifiers.map((modifier) =>
      typeof modifier === 'function' ? modifier.name || 'anonymous function' : modifier.constructor.name,
    ),
  };
}

/**
 * A JSON form of an option: numbers that JSON cannot hold (`Infinity`,
 * `NaN`) and bigints as strings, typed arrays as arrays, functions as
 * `"function <name>"`, Blocks and Links by name, other class instances as
 * `{class, ...their public fields}`.
 */
function toJson(value: unknown, depth: number, seen: Set<object>): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return String(value);
    case 'function':
      return `function ${(value as { name?: string }).name || 'anonymous'}`;
    case 'object':
      break;
    default:
      return value ?? null;
  }
  if (value === null) return null;
  const object = value as object;
  if (seen.has(object) || depth > MAX_DEPTH) return '[…]';
  if (ArrayBuffer.isView(object)) return Array.from(object as unknown as ArrayLike<number | bigint>, (v) => toJson(v, depth, seen));
  // A Link of the run is one whose sender is a Block of the run (the run's Links are derived from their outputs).
  if (runState.instances.includes(object as Block) || (object instanceof Link && runState.instances.includes(object.sender as Block))) {
    return (object as { name: string }).name;
  }
  const inner = new Set(seen).add(object);
  if (Array.isArray(object)) return object.map((item) => toJson(item, depth + 1, inner));
  const proto = Object.getPrototypeOf(object) as object | null;
  const out: Record<string, unknown> = proto === Object.prototype || proto === null ? {} : { class: object.constructor.name };
  for (const [key, item] of Object.entries(object)) {
    if (!key.startsWith('_') && item !== undefined) out[key] = toJson(item, depth + 1, inner);
  }
  return out;
}
