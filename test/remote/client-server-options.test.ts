/**
 * The options of the ClientServer Block, as the original's
 * (crappy/blocks/client_server.py): topics as labels or groups of labels,
 * labelsToSend of the same shape as cmdLabels, spam needing initOutput; and
 * the errors that name the option. Also the back-off of the reconnection.
 */
import { describe, expect, it } from 'vitest';
import { ClientServer } from '../../packages/remote/src/index.js';
import { ReconnectBackoff } from '../../packages/remote/src/reconnect-backoff.js';

describe('ClientServer options', () => {
  it('takes the original defaults: no broker, port 1883, 200 loops per second', () => {
    const block = new ClientServer({ topics: ['cmd'] });
    expect(block.settings).toMatchObject({ broker: false, address: '127.0.0.1', port: 1883, spam: false, whileDisconnected: 'drop', onPeerLost: 'continue' });
    expect(block.freq).toBe(200);
    expect(block.embeddedBroker).toBeNull();
  });

  it('makes one topic per group of labels, a label alone being a group of one', () => {
    const block = new ClientServer({ topics: ['cmd', ['t(s)', 'F(N)']], cmdLabels: [['t(s)', 'x']], labelsToSend: [['t1', 'x1']] });
    expect(block.settings.topics).toEqual([['cmd'], ['t(s)', 'F(N)']]);
    expect(block.subscribedTopics).toEqual(['crappy/cmd', 'crappy/t(s),F(N)']);
    expect(block.publishedTopics).toEqual(['crappy/t1,x1']);
  });

  it('knows the broker it starts', () => {
    expect(new ClientServer({ broker: true, port: 0, topics: ['a'] }).embeddedBroker).toEqual({ address: '127.0.0.1', port: 0 });
  });

  it.each([
    [{ topics: 'cmd' }, TypeError, /topics must be an array of labels or of arrays of labels, got "cmd"/],
    [{ topics: [[]] }, TypeError, /topics must be an array/],
    [{ cmdLabels: ['a+b'] }, TypeError, /the label "a\+b" of cmdLabels holds '\+', '#', ','/],
    [{ cmdLabels: ['a', 'b'], labelsToSend: [['x', 'y']] }, TypeError, /labelsToSend must have the shape of cmdLabels/],
    [{ labelsToSend: ['x'] }, TypeError, /labelsToSend is given without cmdLabels/],
    [{ topics: ['a', 'b'], spam: true, initOutput: { a: 0 } }, TypeError, /spam needs an initOutput value for every label of topics; missing: b/],
    [{ port: 70000 }, RangeError, /port must be an integer >= 0 <= 65535/],
    [{ port: 0 }, RangeError, /port 0 \(a free port\) only works with broker: true/],
    [{ whileDisconnected: 'keep' }, TypeError, /whileDisconnected must be "drop" or "queue", got "keep"/],
    [{ onPeerLost: true }, TypeError, /onPeerLost must be "continue" or "stop"/],
    [{ protocolVersion: 3 }, TypeError, /protocolVersion must be 4 or 5, got 3/],
    [{ connectTimeout: 0 }, RangeError, /connectTimeout must be/],
    [{ topicPrefix: 'lab/#/' }, TypeError, /topicPrefix must not hold/],
    [{ cmd_labels: ['a'] }, TypeError, /unknown option 'cmd_labels' .*did you mean 'cmdLabels'\?/],
  ])('refuses %j, naming the option', (options, type, message) => {
    expect(() => new ClientServer(options as never)).toThrow(type);
    expect(() => new ClientServer(options as never)).toThrow(message);
  });
});

describe('the reconnection back-off', () => {
  it('doubles from 0.1 s up to 5 s, and starts over once the broker is reached', () => {
    const backoff = new ReconnectBackoff();
    const delays = Array.from({ length: 9 }, () => backoff.next());
    expect(delays).toEqual([0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5, 5, 5]);
    expect(backoff.count).toBe(9);
    backoff.reset();
    expect(backoff.next()).toBe(0.1);
  });
});
