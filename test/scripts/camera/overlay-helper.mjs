/**
 * A processing helper for test/scripts/camera/panel.ts: draws a box of the
 * image's size over each frame it sees, and logs the shapes drawn on the panel.
 */
import { CameraHelper } from '@crappy/camera';

export class BoxDrawer extends CameraHelper {
  process(frame) {
    const [height, width] = frame.image.shape;
    this.draw([{ type: 'box', x: 0, y: 0, width, height }, { type: 'text', x: 1, y: 1, text: `frame ${frame.id}` }]);
  }

  onDrawn(shapes) {
    this.log(20, `drawn: ${JSON.stringify(shapes)}`);
  }
}
