import { LineDeviceModel } from '../serial/serial-device-model.js';

/**
 * A simulated Agilent 34420A for {@link Agilent34420A}: answers `*OPC?`
 * with `1`, remembers the function set by `SENS:FUNC`, and answers
 * `READ?` with `value(n)` for the n-th reading (from 0), in SCPI's
 * `+1.23456789E+00` form. Every command it got is in `commands`.
 */
export class Agilent34420ASimulator extends LineDeviceModel {
  /** Every command received, in order. */
  readonly commands: string[] = [];
  /** The function selected (`VOLT` or `RES`), `null` before `SENS:FUNC`. */
  func: string | null = null;
  /** When true, it answers nothing, as a meter switched off or unplugged. */
  silent = false;
  /** It falls silent after this many readings. */
  silentAfter = Infinity;
  private readings = 0;

  /** @param value the value of the n-th reading */
  constructor(private readonly value: (n: number) => number = (n) => n * 1e-3) {
    super('\n');
  }

  protected answer(line: string): string | null {
    let answer = '';
    for (const command of line.split(';').map((part) => part.trim()).filter((part) => part !== '')) {
      this.commands.push(command);
      const func = /^SENS:FUNC "(\w+)"$/.exec(command);
      if (func !== null) this.func = func[1]!;
      if (command === '*OPC?') answer += '1\n';
      if (command === 'READ?') answer += `${formatScpi(this.value(this.readings++))}\n`;
    }
    if (this.readings > this.silentAfter) this.silent = true;
    return answer === '' || this.silent ? null : answer;
  }
}

/** A number as an SCPI meter prints it: `+1.23456789E-03`. */
function formatScpi(value: number): string {
  const [mantissa, exponent] = value.toExponential(8).toUpperCase().split('E') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${value < 0 ? '' : '+'}${mantissa}E${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}
