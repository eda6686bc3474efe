import { CrappyError } from '../errors.js';

/**
 * Thrown by {@link Path.getCmd} when the Path is over: the Generator then
 * moves on to its next Path. (The original uses Python's `StopIteration`.)
 */
export class PathEnd extends CrappyError {
  override name = 'PathEnd';
  constructor(message = 'end of the Path') {
    super(message);
  }
}
