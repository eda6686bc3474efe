import type { SerialDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated SIM868 modem for {@link Sim868}: answers the AT commands of
 * the original's driver; its SIM needs `pin` when given; it registers with
 * the network after `registrationPolls` queries; text messages sent are in
 * `sent`.
 */
export class Sim868Simulator implements SerialDeviceModel {
  /** The messages sent, with their number. */
  readonly sent: Array<{ number: string; text: string }> = [];
  private pending = '';
  private unlocked: boolean;
  private polls = 0;
  private recipient: string | null = null;

  /**
   * @param pin the SIM's PIN code, `null` for a SIM without one
   * @param registrationPolls how many `AT+CGREG?` answer "searching" before "registered"
   */
  constructor(
    private readonly pin: string | null = null,
    private readonly registrationPolls = 0,
  ) {
    this.unlocked = pin === null;
  }

  receive(bytes: Uint8Array, reply: (bytes: string) => void): void {
    this.pending += Buffer.from(bytes).toString('latin1');
    for (;;) {
      if (this.recipient !== null) {
        const end = this.pending.indexOf('\x1a');
        if (end < 0) return;
        this.sent.push({ number: this.recipient, text: this.pending.slice(0, end) });
        this.pending = this.pending.slice(end + 1);
        this.recipient = null;
        reply(`\r\n+CMGS: ${this.sent.length}\r\n\r\nOK\r\n`);
        continue;
      }
      const end = this.pending.indexOf('\r');
      if (end < 0) return;
      const command = this.pending.slice(0, end);
      this.pending = this.pending.slice(end + 1);
      reply(this.answer(command));
    }
  }

  private answer(command: string): string {
    const send = /^AT\+CMGS="(.+)"$/.exec(command);
    if (send !== null) {
      this.recipient = send[1]!;
      return '\r\n> ';
    }
    if (command === 'AT' || command === 'AT+CMGF=1') return '\r\nOK\r\n';
    if (command === 'AT+CPIN?') return `\r\n+CPIN: ${this.unlocked ? 'READY' : 'SIM PIN'}\r\n\r\nOK\r\n`;
    if (command.startsWith('AT+CPIN=')) {
      if (command.slice(8) !== this.pin) return '\r\n+CME ERROR: incorrect password\r\n';
      this.unlocked = true;
      return '\r\nOK\r\n';
    }
    if (command === 'AT+CGREG?') {
      const state = this.unlocked && this.polls++ >= this.registrationPolls ? 1 : 2;
      return `\r\n+CGREG: 0,${state}\r\n\r\nOK\r\n`;
    }
    return '\r\nERROR\r\n';
  }
}
