/**
 * The `crappy` command: `crappy run <script> [args...]` runs a Crappy script,
 * TypeScript or JavaScript, as `npx tsx <script>` would.
 * @module
 */
import { spawn } from 'node:child_process';

const USAGE = 'Usage: crappy run <script.ts|script.js> [arguments...]';

function main(argv: string[]): void {
  const [command, script, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = command === undefined ? 2 : 0;
    return;
  }
  if (command !== 'run' || script === undefined) {
    process.stderr.write(`crappy: unknown command '${argv.join(' ')}'\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...rest], { stdio: 'inherit' });
  // Ctrl+C reaches the child through the terminal; the child decides how to stop.
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

main(process.argv.slice(2));
