import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';
import type { BindingInterface, BindingPortInterface } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };
import type { SerialDeviceModel } from './serial-device-model.js';

const require = createRequire(import.meta.url);

/** A simulated instrument answering on a serial port, made by {@link servePty}. */
export interface ServedPort {
  /** Stops answering and closes the port. */
  close(): Promise<void>;
}

/**
 * Makes `model` answer on the serial port `path`, in the main thread: the
 * far end of a pseudo-terminal pair (`socat pty,link=A pty,link=B`) whose
 * near end a driver opens through the hub, so that the driver talks to the
 * simulator over a real tty.
 * @throws Error in a worker thread, where serialport's native binding must not be loaded
 */
export async function servePty(path: string, model: SerialDeviceModel, baudRate = 9600): Promise<ServedPort> {
  if (!isMainThread) throw new Error('servePty() runs in the main thread only: serialport cannot receive in a worker thread');
  const { autoDetect } = require('@serialport/bindings-cpp') as { autoDetect(): BindingInterface };
  const port: BindingPortInterface = await autoDetect().open({ path, baudRate });
  const buffer = Buffer.alloc(65536);
  const done = (async () => {
    while (port.isOpen) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await port.read(buffer, 0, buffer.length));
      } catch {
        return;
      }
      model.receive(new Uint8Array(buffer.subarray(0, bytesRead)), (bytes) => {
        if (port.isOpen) void port.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes)).catch(() => undefined);
      });
    }
  })();
  return {
    async close() {
      if (port.isOpen) await port.close();
      await done;
    },
  };
}
