/**
 * The standard Modifiers on real Links between Blocks that do not run:
 * applied in the sender, on a copy, in order; `null` drops the message; all
 * registered by class name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Block, DefinitionError, link, modifier, reset, type Message } from '../../packages/core/src/index.js';

class Node extends Block {
  override loop(): void {}
}

afterEach(() => reset());

describe('standard Modifiers on a Link', () => {
  it('are all registered by class name', () => {
    for (const name of ['Demux', 'Diff', 'DownSampler', 'Integrate', 'Mean', 'Median', 'MovingAvg', 'MovingMed', 'Offset', 'TrigOnChange', 'TrigOnValue']) {
      expect(modifier.Modifier.classes.get(name), name).toBe((modifier as Record<string, unknown>)[name]);
    }
  });

  it('a second Modifier class with the name of a built-in one is a DefinitionError', () => {
    class Mean extends modifier.Modifier {
      call(data: Message): Message {
        return data;
      }
    }
    expect(() => new Mean()).toThrow(DefinitionError);
    expect(() => modifier.Modifier.classes.register(Mean)).toThrow(DefinitionError);
    expect(modifier.Modifier.classes.get('Mean')).toBe(modifier.Mean);
  });

  it('change and drop messages for their own Link only', () => {
    const sender = new Node();
    const averaged = new Node();
    const raw = new Node();
    link(sender, averaged, { modifier: [new modifier.Mean(2), new modifier.Offset('x', 0)] });
    link(sender, raw);
    for (const x of [1, 3, 5, 7]) sender.send({ x });
    expect(averaged.recvAllData()).toEqual({ x: [0, 4] });
    expect(raw.recvAllData()).toEqual({ x: [1, 3, 5, 7] });
  });
});
