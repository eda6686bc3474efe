/**
 * The helper of the camera_throughput scenario: reads every frame it is
 * given in place (its first and last pixel values), counts them, and writes
 * its counts to the file named in its options.
 */
import { writeFileSync } from 'node:fs';
import { CameraHelper } from '@crappy/camera';

export class FrameCounter extends CameraHelper {
  constructor(options) {
    super();
    this.resultFile = options.resultFile;
    this.checksum = 0;
  }

  process(frame) {
    const { data } = frame.image;
    this.checksum += data[0] + data[data.length - 1];
  }

  finish() {
    writeFileSync(this.resultFile, JSON.stringify({ processed: this.processed, skipped: this.skipped }));
  }
}
