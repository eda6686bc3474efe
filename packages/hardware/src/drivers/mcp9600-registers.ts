/**
 * The registers and configuration bits of the Microchip MCP9600
 * thermocouple amplifier, as the original's crappy/inout/mcp9600.py uses them.
 */

/** Register pointers, by what they hold. */
export const MCP9600_REGISTERS = {
  'Hot Junction Temperature': 0x00,
  'Junction Temperature Delta': 0x01,
  'Cold Junction Temperature': 0x02,
  'Raw Data ADC': 0x03,
  Status: 0x04,
  'Thermocouple Sensor Configuration': 0x05,
  'Device Configuration': 0x06,
} as const;

/** What a reading returns. */
export type Mcp9600Mode = 'Hot Junction Temperature' | 'Junction Temperature Delta' | 'Cold Junction Temperature' | 'Raw Data ADC';
/** The modes, in the original's order. */
export const MCP9600_MODES: readonly Mcp9600Mode[] = ['Hot Junction Temperature', 'Junction Temperature Delta', 'Cold Junction Temperature', 'Raw Data ADC'];

/** Thermocouple type bits. */
export const MCP9600_THERMOCOUPLES = { J: 0x00, K: 0x10, T: 0x20, N: 0x30, S: 0x40, E: 0x50, B: 0x60, R: 0x70 } as const;
/** A thermocouple type. */
export type Mcp9600Thermocouple = keyof typeof MCP9600_THERMOCOUPLES;

/** ADC resolution bits, by bits. */
export const MCP9600_ADC_RESOLUTIONS: ReadonlyMap<number, number> = new Map([
  [18, 0x00],
  [16, 0x20],
  [14, 0x40],
  [12, 0x60],
]);

/** Cold junction resolution bits, by °C. */
export const MCP9600_SENSOR_RESOLUTIONS: ReadonlyMap<number, number> = new Map([
  [0.0625, 0x00],
  [0.25, 0x80],
]);

/** Status bits: a conversion is done; the input range is exceeded. */
export const MCP9600_UPDATED = 0x40;
export const MCP9600_RANGE_EXCEEDED = 0x10;
