// LinkReader in a full run: the source sends three messages and stops the
// run once the reader has taken them all; the reader logs each one.
import * as crappy from 'crappy';
import { Series } from './helpers.js';

const source = new Series((i) => ({ n: i + 1, 't(s)': (i + 1) / 10, text: `m${i + 1}` }), 3, 100, true);
crappy.link(source, new crappy.blocks.LinkReader({ name: 'Reader' }));
await crappy.start({ logLevel: 'info' });
