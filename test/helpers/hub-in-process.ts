/**
 * The hardware hub in the test's own thread, for the driver tests: each test
 * starts one with the simulators it needs; it is closed after the test.
 */
import { afterEach } from 'vitest';
import { connectInProcess, HardwareHub, type HardwareOptions } from '@crappy/hardware';

let cleanups: Array<() => Promise<void> | void> = [];

/** Registers, in the calling test file, the closing of every hub and connection after each test. */
export function closeHubsAfterEach(): void {
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });
}

/** Runs `cleanup` after the current test, before the hubs started earlier are closed. */
export function afterThisTest(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup);
}

/** Starts a hub with `options` and connects this thread to it, as a Block named `IOBlock`. */
export function startHub(options: HardwareOptions): HardwareHub {
  const hub = new HardwareHub(options);
  const disconnect = connectInProcess(hub, 'IOBlock');
  cleanups.push(() => hub.close(), disconnect);
  return hub;
}
