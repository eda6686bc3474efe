/**
 * Polls `ready()` until it is true. It fails only when a poll that started
 * after `ms` still says no: on a busy machine one slow round trip to the
 * hub does not fail a device that has answered in time.
 * @throws Error with `message` when the device is still not ready after `ms`
 */
export async function waitUntil(ready: () => Promise<boolean>, ms: number, message: string): Promise<void> {
  const start = performance.now();
  for (;;) {
    const late = performance.now() - start > ms;
    if (await ready()) return;
    if (late) throw new Error(message);
  }
}
