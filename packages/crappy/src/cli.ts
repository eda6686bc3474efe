/**
 * The `crappy` command:
 * - `crappy run <script> [args...]` runs a Crappy script, TypeScript or
 *   JavaScript, as `npx tsx <script>` would;
 * - `crappy init <folder>` makes a folder for a lab's own test scripts.
 * @module
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CommandError } from './command-error.js';
import { commonJsProblem } from './commonjs-script.js';
import { initProject, type InitOptions } from './init-project.js';
import { FIRST_SCRIPT } from './project-files.js';

const USAGE = `Usage:
  crappy run <script.ts|script.js> [arguments...]    run a Crappy script
  crappy init <folder> [--from <folder of tarballs>]  make a folder for your own test scripts`;

/** Runs the command the arguments name. */
async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    process.exitCode = command === undefined ? 2 : 0;
  } else if (command === 'run') {
    await run(rest);
  } else if (command === 'init') {
    init(rest);
  } else {
    throw new CommandError(`unknown command '${argv.join(' ')}'`, 2);
  }
}

/** `crappy run`: the script in a child Node.js with tsx, once it is known to be able to run. */
async function run([script, ...rest]: string[]): Promise<void> {
  if (script === undefined) throw new CommandError('which script? none given', 2);
  if (!existsSync(script)) throw new CommandError(`no such script: ${script}`);
  const problem = await commonJsProblem(script);
  if (problem !== undefined) throw new CommandError(problem);
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), script, ...rest], { stdio: 'inherit' });
  // Ctrl+C reaches the child through the terminal; the child decides how to stop.
  process.on('SIGINT', () => {});
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

/** `crappy init`: writes the project, then prints the next commands. */
function init(args: string[]): void {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = initArguments(args);
  const files = initProject(options);
  const next = [
    [`cd ${options.folder}`, ''],
    ['npm install', ''],
    [`npx crappy run ${FIRST_SCRIPT}`, 'run the first test'],
    ['npm run check', 'type-check the scripts'],
  ];
  const width = Math.max(...next.map(([command]) => command!.length));
  const lines = next.map(([command, what]) => `  ${what ? `${command!.padEnd(width)}   # ${what}` : command}\n`);
  process.stdout.write(`Made ${options.folder}: ${files.join(', ')}\nNext:\n${lines.join('')}`);
}

/** Reads `<folder> [--from <folder>]`, `--from=<folder>` too. */
function initArguments(args: string[]): InitOptions {
  const folders: string[] = [];
  let from: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--from' || arg.startsWith('--from=')) {
      from = arg === '--from' ? args[++i] : arg.slice('--from='.length);
      if (!from) throw new CommandError('--from needs the folder of the tarballs', 2);
    } else if (arg.startsWith('-')) {
      throw new CommandError(`unknown option '${arg}'`, 2);
    } else {
      folders.push(arg);
    }
  }
  if (folders.length !== 1) {
    throw new CommandError(folders.length === 0 ? 'which folder? none given' : `one folder only, got ${folders.join(', ')}`, 2);
  }
  return { folder: folders[0]!, from };
}

const argv = process.argv.slice(2);
main(argv).catch((error: unknown) => {
  if (!(error instanceof CommandError)) throw error;
  const command = argv[0] === 'run' || argv[0] === 'init' ? `crappy ${argv[0]}` : 'crappy';
  process.stderr.write(`${command}: ${error.message}\n${error.exitCode === 2 ? `${USAGE}\n` : ''}`);
  process.exitCode = error.exitCode;
});
