import { readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { BindingInterface, PortInfo } from '@serialport/bindings-interface' with { 'resolution-mode': 'require' };

/** Whether `program` is on the `PATH`. */
function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((folder) => folder !== '' && existsSync(join(folder, program)));
}

/** Names of the serial devices under /dev, when the system cannot describe them. */
const DEVICE_NAMES = /^tty(S|USB|ACM|AMA|XRUSB)\d+$/;

/**
 * The serial ports of the machine. On Linux, serialport asks `udevadm`,
 * which minimal systems and containers lack; there the ports are the serial
 * device files of `/dev`, with only their path.
 */
export async function listPorts(binding: BindingInterface): Promise<PortInfo[]> {
  if (process.platform === 'linux' && !onPath('udevadm')) {
    let names: string[] = [];
    try {
      names = readdirSync('/dev').filter((name) => DEVICE_NAMES.test(name));
    } catch {
      names = [];
    }
    return names.sort().map((name) => ({
      path: `/dev/${name}`,
      manufacturer: undefined,
      serialNumber: undefined,
      pnpId: undefined,
      locationId: undefined,
      productId: undefined,
      vendorId: undefined,
    }));
  }
  return binding.list();
}
