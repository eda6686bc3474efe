/** Where a Modbus RTU connection goes: a serial port and its settings. */
export interface ModbusRtuOptions {
  /** Serial port. */
  path: string;
  baudRate: number;
  dataBits?: 5 | 6 | 7 | 8;
  parity?: 'none' | 'even' | 'odd';
  stopBits?: 1 | 2;
  /** How long each request waits for its answer (ms). */
  timeoutMs: number;
}

/** Where a Modbus TCP connection goes. */
export interface ModbusTcpOptions {
  host: string;
  port: number;
  /** How long the connection and each request wait (ms). */
  timeoutMs: number;
}
