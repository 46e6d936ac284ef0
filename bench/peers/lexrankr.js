'use strict';
// Peer: R's lexRankr, driven from node. Runs `Rscript lexrankr.R` as a line
// server (--jobs processes, each kept for many stories), sends it one story
// a line, applies the shared word budget to its best-first sentences, and
// enforces the per-story time limit by killing and restarting the R
// process. lexRankr's parameters are in lexrankr.R.
//
// Usage: node lexrankr.js --data FILE --out DIR [--limit K] [--words N]
//        [--jobs J] [--timeout S]

const path = require('path');
const common = require('./common');

common.main(async () => {
  const opts = common.parseArgs(process.argv.slice(2));
  const script = path.join(__dirname, 'lexrankr.R');
  const { results, startMs } = await common.runProcessPeer('lexrankr', process.env.RSCRIPT || 'Rscript', [script], opts);
  common.writeResults('lexrankr', opts, results, startMs, opts.versionNote ? { versions: opts.versionNote } : null);
});
