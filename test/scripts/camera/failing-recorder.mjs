/**
 * A recorder whose disk fills up after 5 frames (for
 * test/scripts/camera/faults.ts): the 6th write fails with ENOSPC.
 */
import { ImageRecorder } from '@crappy/camera';

export class FullDiskRecorder extends ImageRecorder {
  async process(frame) {
    if (this.processed > 5) {
      const error = new Error('ENOSPC: no space left on device, write');
      error.code = 'ENOSPC';
      throw error;
    }
    return super.process(frame);
  }
}
