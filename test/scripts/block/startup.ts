// The startup sequence and its order errors (cases S1-S10 of
// test/block/startup.test.ts). The scenario is the first argument; the Block
// workers re-run this script with the same arguments, so they rebuild the same
// graph.
import * as crappy from 'crappy';
import { mark, mode, Probe, sleep } from './probe.js';

/** What a caught error looked like. */
function describeError(error: unknown): Record<string, unknown> {
  const e = error as Error;
  return {
    name: e?.name,
    message: e?.message,
    isCrappyFail: e instanceof crappy.CrappyFail,
    isCrappyError: e instanceof crappy.CrappyError,
    plainError: e?.constructor === Error,
  };
}

/** Calls `fn` and marks its outcome as `event`. */
async function attempt(event: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
    mark(event, { outcome: 'returned' });
  } catch (error) {
    mark(event, { outcome: 'threw', ...describeError(error) });
  }
}

function state(): Record<string, unknown> {
  return {
    instances: crappy.Block.instances.length,
    preparedAll: crappy.runState.preparedAll,
    launchedAll: crappy.runState.launchedAll,
    hasControl: crappy.runState.control !== null,
  };
}

/**
 * Waits until the Block is prepared and waits at the barrier, so that a
 * failure made on purpose next finds its worker ready to finish within the
 * grace period, however slowly the machine started the thread.
 */
async function untilAtBarrier(): Promise<void> {
  const control = crappy.runState.control;
  if (control === null) return;
  const deadline = Date.now() + 30_000;
  while (control.barrier.nWaiting < 1 && Date.now() < deadline) await sleep(5);
}

switch (mode) {
  case 'prepare-setup': {
    // S1: what prepare() sets up, then an aborted barrier ends the run.
    const block = new Probe({ stopAfter: null });
    await crappy.prepare({ logLevel: 'warning' });
    const control = crappy.runState.control!;
    await untilAtBarrier();
    mark('prepared', {
      ...state(),
      parties: control.barrier.parties,
      atBarrier: control.barrier.nWaiting,
      broken: control.barrier.broken,
      t0Cell: control.t0.value,
      events: Object.fromEntries(
        (['start', 'pause', 'stop', 'raise', 'kbi'] as const).map((name) => [name, control.event(name).isSet()]),
      ),
      sameControl: block.controlBlock === control,
    });
    control.barrier.abort();
    await attempt('launch', () => crappy.launch());
    mark('after', state());
    break;
  }
  case 'prepare-twice': {
    // S2
    new Probe({ stopAfter: null });
    await crappy.prepare({ logLevel: 'warning' });
    await untilAtBarrier();
    await attempt('second-prepare', () => crappy.prepare());
    mark('after', state());
    break;
  }
  case 'prepare-launched': {
    // S3: launched but not prepared.
    new Probe({ stopAfter: null });
    crappy.runState.launchedAll = true;
    await attempt('prepare', () => crappy.prepare());
    mark('after', state());
    break;
  }
  case 'renice-not-prepared': {
    // S5: a plain Error, no cleanup: the graph is still there and runs.
    new Probe({ stopAfter: 2 });
    await attempt('renice', () => crappy.renice());
    mark('after-renice', state());
    await attempt('start', () => crappy.start({ logLevel: 'warning' }));
    break;
  }
  case 'renice-launched': {
    // S6: renice() once launched, as the original tests it (flag set by hand).
    new Probe({ stopAfter: null });
    await crappy.prepare({ logLevel: 'warning' });
    await untilAtBarrier();
    crappy.runState.launchedAll = true;
    await attempt('renice', () => crappy.renice());
    mark('after', state());
    break;
  }
  case 'renice-during-launch': {
    // S6, the way a script would get there: renice() while launch() runs.
    new Probe({ stopAfter: null });
    await crappy.prepare({ logLevel: 'warning' });
    await untilAtBarrier();
    const launching = attempt('launch', () => crappy.launch());
    await attempt('renice', () => crappy.renice());
    await launching;
    mark('after', state());
    break;
  }
  case 'launch': {
    // S7
    new Probe({ stopAfter: 1 });
    await crappy.prepare({ logLevel: 'warning' });
    await crappy.renice();
    await attempt('launch', () => crappy.launch());
    mark('after', state());
    break;
  }
  case 'launch-not-prepared': {
    // S8: a plain Error, no cleanup; noRaise is assigned before the check.
    new Probe({ stopAfter: 2 });
    await attempt('launch', () => crappy.launch({ noRaise: true }));
    mark('after-launch', { ...state(), noRaise: crappy.runState.noRaise });
    await attempt('start', () => crappy.start({ logLevel: 'warning' }));
    break;
  }
  case 'launch-twice': {
    // S9
    new Probe({ stopAfter: null });
    await crappy.prepare({ logLevel: 'warning' });
    await untilAtBarrier();
    const first = attempt('first-launch', () => crappy.launch());
    await attempt('second-launch', () => crappy.launch());
    await first;
    mark('after', state());
    break;
  }
  case 'stop-all': {
    // S10: the main thread stops a Block that would loop for ever.
    new Probe({ stopAfter: null });
    const running = attempt('start', () => crappy.start({ logLevel: 'warning' }));
    if (crappy.isMainThread) {
      while (crappy.runState.control === null) await sleep(5);
      await crappy.runState.control.start.waitAsync(30);
      await sleep(500);
      mark('stopping');
      crappy.stop();
    }
    await running;
    mark('after', state());
    break;
  }
  case 'bad-launch-option': {
    // A wrong option after prepare(): the prepared Block is stopped, then the TypeError is thrown.
    new Probe({ stopAfter: null });
    await crappy.prepare({ logLevel: 'warning' });
    await untilAtBarrier();
    await attempt('launch', () => crappy.launch({ no_raise: true } as crappy.LaunchOptions));
    mark('after', state());
    break;
  }
  case 'bad-renice-option': {
    new Probe({ stopAfter: null });
    await crappy.prepare({ logLevel: 'warning' });
    await untilAtBarrier();
    await attempt('renice', () => crappy.renice({ allow_root: true } as crappy.ReniceOptions));
    mark('after', state());
    break;
  }
  case 'prepare-retried': {
    // The first start() fails in prepare() in the main thread (a wrong freq);
    // the script catches it, fixes the freq and starts again. Its workers
    // must take the same path: fail at the first start(), host the second.
    const block = new Probe({ stopAfter: 1, tag: 'freq' });
    block.freq = -1;
    try {
      await crappy.start({ logLevel: 'warning' });
      mark('first-start', { outcome: 'returned' });
    } catch (error) {
      mark('first-start', { outcome: 'threw', ...describeError(error) });
      block.freq = 20;
      await attempt('second-start', () => crappy.start({ logLevel: 'warning' }));
    }
    mark('after', state());
    break;
  }
  case 'retry-after-failed-run': {
    // A run fails (a Block throws in loop()); the script catches the
    // CrappyFail and runs another graph. The workers of the second run pass
    // over the first one and must enter the same catch.
    new Probe({ throwIn: 'loop', tag: 'first' });
    try {
      await crappy.start({ logLevel: 'warning' });
      mark('first-run', { outcome: 'returned' });
    } catch (error) {
      mark('first-run', { outcome: 'threw', ...describeError(error) });
      new Probe({ stopAfter: 1, tag: 'second' });
      await attempt('second-run', () => crappy.start({ logLevel: 'warning' }));
    }
    break;
  }
  default:
    throw new Error(`unknown scenario '${mode}'`);
}
