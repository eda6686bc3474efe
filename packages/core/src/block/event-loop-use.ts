/**
 * Resource types that belong to the runtime itself: the worker's channel to
 * the main thread, whose messages can wait for the event loop's next turn.
 */
const RUNTIME_RESOURCES = new Set(['MessagePort']);

/**
 * Whether something besides the runtime waits on this thread's event loop:
 * a timer, a socket, a file or other I/O request, a child process... (what
 * `process.getActiveResourcesInfo()` lists, about 1 µs). While it does, the
 * thread must not block for long, or that work would stall.
 */
export function eventLoopInUse(): boolean {
  for (const type of process.getActiveResourcesInfo()) if (!RUNTIME_RESOURCES.has(type)) return true;
  return false;
}
