'use strict';
// Peer: npm "lexrank" (LexRank over the sentences of one text).
//
// lexrank.summarize(text, lines, cb) returns the `lines` top-ranked
// sentences re-sorted into text order; that text order is the peer's own
// output order. To ask for "enough" sentences we first rank everything
// (lines = all), take the smallest number of top-ranked sentences that
// together hold at least the word budget, and then ask lexrank for exactly
// that many. Nothing else is set: no threshold (the package's default).
//
// Usage: node lexrank.js --data FILE --out DIR [--limit K] [--words N]
//        [--jobs J] [--timeout S]

const { isMainThread } = require('worker_threads');
const common = require('./common');

function summarizeSync(lexrank, text, lines) {
  let out = null;
  let err = null;
  lexrank.summarize(text, lines, (e, topLines) => {
    if (e) err = e;
    out = topLines;
  });
  if (err) throw err;
  if (out === null) throw new Error('lexrank did not answer synchronously');
  return out;
}

function handler(lexrank) {
  return (documents, words) => {
    const text = common.joinDocuments(documents);
    if (text.trim() === '') return [];
    const all = summarizeSync(lexrank, text, Infinity);
    // Rank order (the order lexrank picks its top lines in): stable sort by
    // weight, as lexrank itself does before cutting to `lines`.
    const ranked = all.slice().sort((a, b) => b.weight - a.weight);
    let k = 0;
    let total = 0;
    while (k < ranked.length && total < words) {
      total += common.countWords(String(ranked[k].text));
      k++;
    }
    const top = summarizeSync(lexrank, text, Math.max(k, 1));
    return top.map((t) => String(t.text));
  };
}

if (isMainThread) {
  common.main(async () => {
    const opts = common.parseArgs(process.argv.slice(2));
    const { results, startMs } = await common.runWorkerPeer('lexrank', __filename, opts);
    common.writeResults('lexrank', opts, results, startMs, opts.versionNote ? { versions: opts.versionNote } : null);
  });
} else {
  common.serveWorker(handler(require('lexrank')));
}
