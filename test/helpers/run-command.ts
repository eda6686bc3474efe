import { spawn } from 'node:child_process';

const PROJECT_VARIABLES = /^(npm_package_|npm_lifecycle_|npm_config_local_prefix$|npm_command$|INIT_CWD$)/i;

/** What a command run in a child process did. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command (`npm`, `npx`, `node`…) in a folder and collects its output.
 * The variables an enclosing `npm test` sets about its own project
 * (`npm_package_*`, `npm_config_local_prefix`…) are left out, so that an npm
 * run by the command sees only its own folder; the user's npm settings
 * (`npm_config_cache`, `npm_config_registry`…) stay.
 * @param timeoutMs kill the command after this many ms (default 5 min)
 */
export function runCommand(command: string, args: string[], cwd: string, timeoutMs = 300_000): Promise<CommandResult> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !PROJECT_VARIABLES.test(name)));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
