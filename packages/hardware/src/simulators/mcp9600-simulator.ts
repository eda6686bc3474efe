import { MCP9600_RANGE_EXCEEDED, MCP9600_REGISTERS, MCP9600_UPDATED } from '../drivers/mcp9600-registers.js';
import type { I2cDeviceModel } from '../i2c/i2c-device-model.js';

/** What the simulated chip measures at a conversion. */
export interface Mcp9600Reading {
  /** Hot junction (thermocouple) temperature, °C. */
  hot: number;
  /** Cold junction (board) temperature, °C. */
  cold: number;
  /** Raw thermocouple voltage, V. */
  volts: number;
}

/**
 * A simulated MCP9600 for {@link MCP9600}, at the level of its registers
 * (temperatures on 16 bits in 1/16 °C, raw ADC on 24 bits in 2 µV): clearing
 * the status's update bit makes a conversion of `reading(n)`, reported done
 * on the second status read after. `rangeExceeded` sets the status's input
 * range bit.
 */
export class MCP9600Simulator implements I2cDeviceModel {
  /** The configuration registers written (sensor 0x05, device 0x06). */
  readonly config = new Map<number, number>();
  /** Conversions made. */
  conversions = 0;
  /** When true, the status says the input range is exceeded. */
  rangeExceeded = false;
  private pointer = 0;
  private status = MCP9600_UPDATED;
  private pendingReads = 0;
  private values = new Map<number, number[]>();

  constructor(
    readonly address = 0x67,
    private readonly reading: (n: number) => Mcp9600Reading = () => ({ hot: 25, cold: 22, volts: 1e-4 }),
  ) {}

  write(bytes: Uint8Array): void {
    this.pointer = bytes[0]!;
    if (bytes.length < 2) return;
    if (this.pointer === MCP9600_REGISTERS.Status) {
      this.status = bytes[1]!;
      if (!(this.status & MCP9600_UPDATED)) this.convert();
    } else {
      this.config.set(this.pointer, bytes[1]!);
    }
  }

  read(length: number): Uint8Array {
    if (this.pointer === MCP9600_REGISTERS.Status) {
      if (this.pendingReads > 0 && --this.pendingReads === 0) this.status |= MCP9600_UPDATED;
      return Uint8Array.of(this.status | (this.rangeExceeded ? MCP9600_RANGE_EXCEEDED : 0)).subarray(0, length);
    }
    const stored = this.values.get(this.pointer) ?? [this.config.get(this.pointer) ?? 0];
    return Uint8Array.from({ length }, (_, i) => stored[i] ?? 0);
  }

  private convert(): void {
    const { hot, cold, volts } = this.reading(this.conversions++);
    const temperature = (celsius: number): number[] => {
      const raw = Math.round(celsius * 16) & 0xffff;
      return [raw >> 8, raw & 0xff];
    };
    const adc = Math.round(volts / 2e-6) & 0x3ffff;
    this.values.set(MCP9600_REGISTERS['Hot Junction Temperature'], temperature(hot));
    this.values.set(MCP9600_REGISTERS['Junction Temperature Delta'], temperature(hot - cold));
    this.values.set(MCP9600_REGISTERS['Cold Junction Temperature'], temperature(cold));
    this.values.set(MCP9600_REGISTERS['Raw Data ADC'], [(adc >> 16) & 0xff, (adc >> 8) & 0xff, adc & 0xff]);
    this.pendingReads = 2;
  }
}
