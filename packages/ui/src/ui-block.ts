import { Block, onMainMessage, sendToMain } from '@crappy/core';
import type { NumberCheck } from '@crappy/core/options';

/** Name under which the UI's messages travel between Block workers and the main thread. */
export const UI_CHANNEL = 'ui';

/** What the page needs to know of a panel: its kind, its title and its settings. */
export interface PanelConfig {
  /** Which panel the page draws (`'grapher'`, `'dashboard'`, `'button'`, `'stop-button'`, `'canvas'`, `'camera'`). */
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

  /** The panel's description for the page (called in the main thread); `null` for no panel in this run. */
  abstract panel(): PanelConfig | null;

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

/** The check of a strictly positive number option. @internal */
export const POSITIVE: NumberCheck = { min: 0, exclusive: true };

/** The check of a strictly positive integer option. @internal */
export const POSITIVE_INTEGER: NumberCheck = { min: 0, exclusive: true, integer: true };
