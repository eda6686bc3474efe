/**
 * A simulated instrument on a serial line: it receives the bytes the driver
 * writes and answers with bytes, as the real one would. Used by the hub's
 * simulated serial ports (serialport's mock binding) and on a pseudo-terminal
 * with {@link servePty}.
 */
export interface SerialDeviceModel {
  /**
   * Bytes the driver wrote.
   * @param reply sends bytes back to the driver (may be called later, or never: a device that does not answer)
   */
  receive(bytes: Uint8Array, reply: (bytes: Uint8Array | string) => void): void;
}

/**
 * A {@link SerialDeviceModel} of a line-based instrument: it gathers bytes
 * into lines ended by `terminator` and answers each with
 * {@link LineDeviceModel.answer}.
 */
export abstract class LineDeviceModel implements SerialDeviceModel {
  private pending = '';

  /** @param terminator what ends a line the driver writes (e.g. `'\r\n'`) */
  constructor(private readonly terminator: string) {}

  /** Gathers the bytes into lines and answers each. */
  receive(bytes: Uint8Array, reply: (bytes: Uint8Array | string) => void): void {
    this.pending += Buffer.from(bytes).toString('latin1');
    let end = this.pending.indexOf(this.terminator);
    while (end >= 0) {
      const line = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + this.terminator.length);
      const answer = this.answer(line);
      if (answer !== null) reply(answer);
      end = this.pending.indexOf(this.terminator);
    }
  }

  /** The answer to one line (without its terminator), terminator included; `null` for none. */
  protected abstract answer(line: string): string | null;
}
