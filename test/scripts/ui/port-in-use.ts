// The UI port is taken: start() must fail with a clear error before any Block starts.
import { createServer } from 'node:net';
import * as crappy from 'crappy';

const blocker = createServer();
if (crappy.isMainThread) await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
const address = blocker.address();
const port = typeof address === 'object' && address !== null ? address.port : 1;

class Never extends crappy.Block {
  override prepare(): void {
    console.log('A Block was prepared');
  }
  override loop(): void {}
}
crappy.link(new Never(), new crappy.blocks.Dashboard(['x']));
try {
  await crappy.start({ logLevel: 'info', ui: { port } });
} catch (error) {
  console.log(`start() failed: ${(error as Error).message}`);
}
blocker.close();
