// Sink in a full run: the source sends 20 messages and stops the run once
// the Sink has taken them all; the main thread prints the Link's counts.
import { writeSync } from 'node:fs';
import * as crappy from 'crappy';
import { Series } from './helpers.js';

const toSink = crappy.link(new Series((i) => ({ i }), 20, 100, true), new crappy.blocks.Sink());
await crappy.start({ logLevel: 'warning' });
if (crappy.isMainThread) writeSync(1, `@@ ${JSON.stringify({ event: 'stats', ...toSink.stats })}\n`);
