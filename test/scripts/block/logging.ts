// Logging: three Blocks with debug true / false / null each log one
// message per level in begin(). The argument is start()'s logLevel:
// 'default' (not given), 'null', or a level name.
import * as crappy from 'crappy';
import { mark, mode, Probe } from './probe.js';

const LEVELS = ['debug', 'info', 'warning', 'error', 'critical'] as const;

class Talker extends crappy.Block {
  constructor(debug: boolean | null) {
    super();
    this.debug = debug;
    this.freq = 50;
  }
  override begin(): void {
    for (const level of LEVELS) this.log(level, `says ${level} with debug=${String(this.debug)}`);
  }
  override loop(): void {}
}

new Talker(true);
new Talker(false);
new Talker(null);
new Probe({ stopAfter: 3 });
const logLevel = mode === 'default' ? undefined : mode === 'null' ? null : (mode as crappy.LogLevelName);
await crappy.start(logLevel === undefined ? {} : { logLevel });
mark('returned', { logFile: crappy.logFilePath() });
