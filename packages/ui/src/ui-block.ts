import { Block, onMainMessage, sendToMain } from '@crappy/core';

/** Name under which the UI's messages travel between Block workers and the main thread. */
export const UI_CHANNEL = 'ui';

/** What the page needs to know of a panel: its kind, its title and its settings. */
export interface PanelConfig {
  /** Which panel the page draws (`'grapher'`, `'dashboard'`, `'button'`, `'stop-button'`, `'canvas'`). */
  kind: string;
  /** Title shown above the panel. */
  title: string;
  /** Settings of the panel, as JSON. */
  settings: Record<string, unknown>;
}

/**
 * An update of a panel, sent by its Block to the page through the server:
 * `values` merges label values (Dashboard, Canvas); `series` appends points
 * to the curves of a plot (or replaces them with `replace`).
 */
export type PanelUpdate =
  | { kind: 'values'; values: Record<string, unknown> }
  | { kind: 'series'; replace: boolean; curves: Array<[number[], number[]]> };

/** A message from the page to a panel's Block (a click). */
export interface PageEvent {
  /** What happened: `'click'` for a Button. */
  kind: string;
}

/**
 * The base of the Blocks that have a panel on the run's web page. The main
 * thread starts the UI server when a run holds at least one of them (marked
 * by the static {@link UiBlock.uiPanel}); the Block, in its worker, talks to
 * its panel through the server with {@link UiBlock.toPage} and
 * {@link UiBlock.onPage}.
 */
export abstract class UiBlock extends Block {
  /** Marks the classes that have a panel on the page. */
  static readonly uiPanel: boolean = true;

  /** Title of the panel (default: the Block's name). */
  title: string | null = null;

  /** The panel's description for the page (called in the main thread). */
  abstract panel(): PanelConfig;

  /** Sends an update to this Block's panel (in the Block's worker; no-op elsewhere). */
  protected toPage(update: PanelUpdate): void {
    sendToMain(UI_CHANNEL, update);
  }

  /** Calls `handler` with every event of this Block's panel (in the Block's worker). Returns the remover. */
  protected onPage(handler: (event: PageEvent) => void): () => void {
    return onMainMessage(UI_CHANNEL, (data) => handler(data as PageEvent));
  }
}

/** Whether `block` has a panel on the page. */
export function isUiBlock(block: Block): block is UiBlock {
  return block instanceof UiBlock || (block.constructor as { uiPanel?: unknown }).uiPanel === true;
}

/** Throws a TypeError naming the option when `options` has an unknown key or is not an object. @internal */
export function checkKeys(options: unknown, allowed: readonly string[], cls: string): Record<string, unknown> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${cls}: options must be an object`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`${cls}: unknown option '${key}' (known: ${allowed.join(', ')})`);
  }
  return options as Record<string, unknown>;
}

/** A positive number option, or its default. @internal */
export function positive(value: unknown, fallback: number, cls: string, name: string, integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${cls}: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${String(value)}`);
  }
  return value;
}

/** A string option, or its default. @internal */
export function text(value: unknown, fallback: string, cls: string, name: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value === '') throw new TypeError(`${cls}: ${name} must be a non-empty string, got ${String(value)}`);
  return value;
}
