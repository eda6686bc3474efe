/**
 * A mistake the `crappy` command reports in one line, without a stack: a bad
 * argument, a folder it will not write into.
 */
export class CommandError extends Error {
  /**
   * @param message what is wrong and what to do instead
   * @param exitCode the command's exit code: 2 for a bad command line, 1 otherwise
   */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
