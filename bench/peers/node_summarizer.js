'use strict';
// Peer: npm "node-summarizer" (SummarizerManager).
//
// Method: getSummaryByFrequency() (the package's frequency summary, its
// first documented method; deterministic). With --method rank it uses
// getSummaryByRank() instead (its TextRank variant, a random walk, so not
// reproducible run to run).
//
// The package returns its summary as one string: the chosen sentences in
// its own ranking order (best first), glued together without separators.
// We ask for every sentence (number_of_sentences = the number of sentences
// its tokenizer finds) and recover the sentence boundaries from the ranking
// it returns (sorted_sentences for frequency), mapping its cleaned keys back
// to the original sentences the way the package does, and check that the
// pieces concatenate to exactly the string it returned.
//
// Usage: node node_summarizer.js --data FILE --out DIR [--limit K]
//        [--words N] [--jobs J] [--timeout S] [--method frequency|rank]

const path = require('path');
const { isMainThread } = require('worker_threads');
const common = require('./common');

// The package's own copy of `natural` (it may differ from the top-level one).
function packageNatural() {
  const pkgDir = path.dirname(require.resolve('node-summarizer/package.json'));
  return require(require.resolve('natural', { paths: [pkgDir] }));
}

// Same cleaning as node-summarizer's Preprocesser.cleanSentences, used only
// to map its cleaned sentence keys back to original sentences.
const CLEAN = /[&\/\\#,+()$~%.'":*?<>{}]/g;
function cleanKey(s) {
  return s.toLowerCase().replace(CLEAN, '');
}

function handler(method) {
  const { SummarizerManager } = require('node-summarizer');
  const natural = packageNatural();
  return async (documents) => {
    const text = common.joinDocuments(documents);
    if (text.trim() === '') return [];
    const originals = new natural.SentenceTokenizer().tokenize(text);
    const keyToOriginal = new Map();
    for (const s of originals) keyToOriginal.set(cleanKey(s), s);
    const manager = new SummarizerManager(text, originals.length);
    // An Error in .summary is the package saying it found nothing to pick:
    // an empty summary, not a failure.
    if (method === 'rank') {
      const obj = await manager.getSummaryByRank();
      if (obj instanceof Error) throw obj;
      if (obj.summary instanceof Error) return [];
      // getSummaryByRank does not return its ranking, so the string it
      // returns is split by matching the text's sentences, longest first.
      return splitByKnown(String(obj.summary), originals);
    }
    const obj = manager.getSummaryByFrequency();
    if (obj instanceof Error) throw obj;
    if (obj.summary instanceof Error) return [];
    const rankedKeys = obj.sorted_sentences.map((x) => x[1]);
    const count = Math.min(originals.length, rankedKeys.length);
    const sentences = [];
    for (let i = 0; i < count; i++) {
      const o = keyToOriginal.get(rankedKeys[i]);
      if (o === undefined) throw new Error('cannot map a ranked sentence back to the text');
      sentences.push(o);
    }
    if (sentences.join('') !== obj.summary) {
      throw new Error('recovered sentences do not match the summary string');
    }
    return sentences;
  };
}

// Splits a string made of known sentences glued together, longest match
// first at each position.
function splitByKnown(summary, originals) {
  const uniq = Array.from(new Set(originals)).sort((a, b) => b.length - a.length);
  const out = [];
  let pos = 0;
  while (pos < summary.length) {
    const hit = uniq.find((s) => s.length > 0 && summary.startsWith(s, pos));
    if (!hit) throw new Error('cannot split the rank summary into sentences');
    out.push(hit);
    pos += hit.length;
  }
  return out;
}

if (isMainThread) {
  common.main(async () => {
    const argv = process.argv.slice(2);
    let method = 'frequency';
    const mi = argv.indexOf('--method');
    if (mi >= 0) {
      method = argv[mi + 1];
      argv.splice(mi, 2);
    }
    if (method !== 'frequency' && method !== 'rank') throw new Error('--method must be frequency or rank');
    const opts = common.parseArgs(argv);
    const peer = method === 'rank' ? 'node_summarizer_rank' : 'node_summarizer';
    process.env.NODE_SUMMARIZER_METHOD = method;
    const { results, startMs } = await common.runWorkerPeer(peer, __filename, opts);
    common.writeResults(peer, opts, results, startMs, opts.versionNote ? { versions: opts.versionNote } : null);
  });
} else {
  common.serveWorker(handler(process.env.NODE_SUMMARIZER_METHOD || 'frequency'));
}
