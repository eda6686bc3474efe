import { readlinkSync, writeFileSync } from 'node:fs';

/** The timer slack asked for (ns), instead of Linux's default 50 µs. */
const SLACK_NS = 1;

/**
 * Asks Linux to end the calling thread's sleeps as close to their deadline
 * as it can: by default it may end them up to 50 µs late, to group
 * wake-ups, which a paced Block would have to busy-wait. Best effort: does
 * nothing where `/proc/<tid>/timerslack_ns` is missing or read-only (other
 * systems, old kernels, restricted containers).
 * @returns whether the slack was set
 */
export function tightenTimerSlack(): boolean {
  try {
    const tid = readlinkSync('/proc/thread-self').split('/').pop();
    writeFileSync(`/proc/${tid}/timerslack_ns`, String(SLACK_NS));
    return true;
  } catch {
    return false;
  }
}
