import type { Block } from '../block/block.js';
import type { Link } from '../link/link.js';

/** A description of a run's graph, compared between the main thread and each worker. */
export interface GraphSignature {
  /** `[class name, Block name]` in creation order. */
  blocks: [string, string][];
  /** `[Link name, sender index, receiver index]` in creation order. */
  links: [string, number, number][];
}

/** Describes the graph made of `blocks` and `links`. */
export function graphSignature(blocks: readonly Block[], links: readonly Link[]): GraphSignature {
  return {
    blocks: blocks.map((block) => [block.constructor.name, block.name]),
    links: links.map((link) => [
      link.name,
      blocks.indexOf(link.sender as Block),
      blocks.indexOf(link.receiver as Block),
    ]),
  };
}

/**
 * Explains how `rebuilt` differs from `expected`, or returns null when they
 * match.
 */
export function graphDifference(expected: GraphSignature, rebuilt: GraphSignature): string | null {
  if (expected.blocks.length !== rebuilt.blocks.length) {
    return `the main thread has ${expected.blocks.length} Blocks, the worker rebuilt ${rebuilt.blocks.length}`;
  }
  for (let i = 0; i < expected.blocks.length; i++) {
    const [cls, name] = expected.blocks[i]!;
    const [otherCls, otherName] = rebuilt.blocks[i]!;
    if (cls !== otherCls || name !== otherName) {
      return `Block #${i} is ${name} (${cls}) in the main thread but ${otherName} (${otherCls}) in the worker`;
    }
  }
  if (expected.links.length !== rebuilt.links.length) {
    return `the main thread has ${expected.links.length} Links, the worker rebuilt ${rebuilt.links.length}`;
  }
  for (let i = 0; i < expected.links.length; i++) {
    const a = expected.links[i]!;
    const b = rebuilt.links[i]!;
    if (a[0] !== b[0] || a[1] !== b[1] || a[2] !== b[2]) {
      return `Link #${i} is ${a[0]} (Block #${a[1]} to #${a[2]}) in the main thread but ${b[0]} (Block #${b[1]} to #${b[2]}) in the worker`;
    }
  }
  return null;
}
