// The naive way, which the hardware hub exists to avoid: serialport's native
// binding receiving data in a worker thread. Argument: the two ends of a pty
// pair. The worker opens the first end; the main thread writes to the second
// once the port is open. Expected: the process dies of a fatal V8 error (a
// signal), and "survived" is never printed.
import { openSync, writeSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

if (isMainThread) {
  const [near, far] = process.argv.slice(2);
  const worker = new Worker(new URL(import.meta.url), { workerData: { path: near } });
  worker.on('message', (message) => {
    if (message !== 'open') return;
    const fd = openSync(far, 'w');
    for (let i = 0; i < 20; i++) setTimeout(() => writeSync(fd, `line ${i}\n`), 50 * i);
    setTimeout(() => {
      console.log('survived');
      process.exit(0);
    }, 10_000);
  });
} else {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ path: workerData.path, baudRate: 9600 });
  port.on('open', () => parentPort.postMessage('open'));
  port.on('data', (data) => console.log(`received ${data.length} bytes`));
}
