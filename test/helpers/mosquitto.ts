/**
 * A Mosquitto broker (Debian's `mosquitto`, installed by .ci/run) started
 * by a test on a free loopback port, with a configuration of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The mosquitto program: on the PATH or in /usr/sbin (where Debian puts it), or `null`. */
export const MOSQUITTO = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin']
  .map((folder) => join(folder, 'mosquitto'))
  .find((path) => existsSync(path)) ?? null;

/** A running Mosquitto. */
export interface Mosquitto {
  /** Its port on 127.0.0.1. */
  port: number;
  /** What it printed. */
  output(): string;
  /** Stops it (SIGTERM) and waits for its exit. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts Mosquitto on a free port of 127.0.0.1 (anonymous clients allowed)
 * and waits until it accepts connections.
 * @param port the port to use (default: a free one)
 * @throws when mosquitto is missing or does not listen within 10 s
 */
export async function startMosquitto(port?: number): Promise<Mosquitto> {
  if (MOSQUITTO === null) throw new Error('mosquitto is not installed (Debian: apt-get install mosquitto)');
  const chosen = port ?? (await freePort());
  const folder = mkdtempSync(join(tmpdir(), 'crappy-mosquitto-'));
  const config = join(folder, 'mosquitto.conf');
  writeFileSync(config, `listener ${chosen} 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\n`);
  const child: ChildProcess = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(folder, { recursive: true, force: true });
  };
  for (let waited = 0; !(await accepts(chosen)); waited += 50) {
    if (waited > 10_000 || child.exitCode !== null) {
      await stop();
      throw new Error(`mosquitto did not listen on 127.0.0.1:${chosen}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { port: chosen, output: () => output, stop };
}
