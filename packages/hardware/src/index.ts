/**
 * `@crappy/hardware`: the hardware hub and the drivers of real instruments.
 *
 * The native addons that talk to hardware (serialport, i2c-bus, onoff,
 * spi-device) cannot run in Block worker threads, so the main thread hosts
 * them in the hardware hub, started at a Block's first call, closed when
 * the run ends; Blocks use proxies with the same API: {@link HubBinding}
 * for serialport's `SerialPortStream`, {@link I2cBusProxy},
 * {@link GpioProxy}, {@link SpiDeviceProxy}. Each service can use
 * simulated devices instead (`start({ hardware: { ... } })`, see
 * {@link HardwareOptions}). Importing this package (the `crappy` package
 * does) registers the hub with the runtime and the drivers by class name.
 *
 * @example
 * ```ts
 * import * as crappy from 'crappy';
 * const dmm = new crappy.blocks.IOBlock('Agilent34420A', { labels: ['t(s)', 'U(V)'], device: '/dev/ttyUSB0' });
 * crappy.link(dmm, new crappy.blocks.Recorder('dmm.csv'));
 * await crappy.start();
 * ```
 * @module @crappy/hardware
 */
import './extension.js';
import type { HardwareOptions } from './hardware-options.js';

/** The bases of the drivers (re-exported from `@crappy/core`, for their inherited members). */
export { Actuator, InOut } from '@crappy/core';
export { HubClient, SYNC_TIMEOUT_MS, type HubChannel, type HubEventListener } from './hub/client.js';
export { connectPort, hubClient } from './hub/current-client.js';
export { connectInProcess } from './in-process.js';
export { HARDWARE_CHANNEL } from './extension.js';
export { HardwareHub } from './hardware-hub.js';
export type { HardwareOptions } from './hardware-options.js';
export type { ClientMessage, HubEvent, HubMessage, HubReply, HubRequest, ServiceName, WireError } from './hub/messages.js';
export type { HubPeer, HubService } from './hub/service.js';
export { SYNC_SLOT_BYTES, SyncSlot } from './hub/sync-slot.js';
export { HubBinding, HubPortBinding } from './serial/hub-binding.js';
export { SerialConnection, type SerialConnectionOptions } from './serial/serial-connection.js';
export { servePty, type ServedPort } from './serial/serve-pty.js';
export { LineDeviceModel, type SerialDeviceModel } from './serial/serial-device-model.js';
export { FakeI2cBus } from './i2c/fake-i2c-bus.js';
export { I2cBusProxy } from './i2c/i2c-bus-proxy.js';
export { RegisterDeviceModel, type I2cDeviceModel } from './i2c/i2c-device-model.js';
export type { I2cTransport } from './i2c/i2c-transport.js';
export { FakeGpioChip } from './gpio/fake-gpio-chip.js';
export type { GpioDirection, GpioEdge, GpioLine } from './gpio/gpio-line.js';
export { GpioProxy, type GpioEvents, type GpioOpenOptions } from './gpio/gpio-proxy.js';
export { SpiDeviceProxy } from './spi/spi-device-proxy.js';
export type { SpiDeviceModel } from './spi/spi-device-model.js';
export type { SpiMessage, SpiOptions } from './spi/spi-message.js';
export { ModbusClientProxy } from './modbus/modbus-client-proxy.js';
export type { ModbusRtuOptions, ModbusTcpOptions } from './modbus/modbus-options.js';

declare module '@crappy/core' {
  interface ExtensionOptions {
    /** The hardware hub's options: simulated devices per service. */
    hardware?: HardwareOptions;
  }
}
export * from './drivers/index.js';
export * from './simulators/index.js';
