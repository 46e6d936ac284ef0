'use strict';
// Sanity check of peer outputs against the input stories: every id present
// and in input order, summaries within the word budget, every sentence real
// text from the story (a substring of its documents once runs of whitespace
// are made single spaces, documents joined by one space), and how many
// summaries are empty. Exits 1 when a check fails (empty summaries are
// reported, not failed).
//
// Usage: node check.js --data FILE --out DIR [--limit K] [--words N] PEER...

const fs = require('fs');
const path = require('path');
const common = require('./common');

const argv = process.argv.slice(2);
const peers = [];
const rest = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) rest.push(argv[i], argv[++i]);
  else peers.push(argv[i]);
}
const opts = common.parseArgs(rest);
const stories = common.readStories(opts.data, opts.limit);
const norm = (s) => s.replace(/\s+/g, ' ').trim();
const texts = stories.map((s) => norm(s.documents.join(' ')));

let bad = 0;
for (const peer of peers) {
  const file = path.join(opts.out, `${peer}.jsonl`);
  const problems = [];
  let empty = 0;
  let sentences = 0;
  let words = 0;
  let maxWords = 0;
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  if (lines.length !== stories.length) problems.push(`${lines.length} lines for ${stories.length} stories`);
  lines.forEach((l, i) => {
    const o = JSON.parse(l);
    const s = stories[i];
    if (!s) return;
    if (o.id !== s.id) problems.push(`line ${i + 1}: id ${o.id}, input has ${s.id}`);
    if (!Array.isArray(o.summary)) {
      problems.push(`line ${i + 1}: summary is not an array`);
      return;
    }
    if (o.summary.length === 0) empty++;
    const w = o.summary.reduce((n, x) => n + common.countWords(x), 0);
    words += w;
    maxWords = Math.max(maxWords, w);
    if (w > opts.words) problems.push(`id ${o.id}: ${w} words > ${opts.words}`);
    for (const x of o.summary) {
      sentences++;
      if (typeof x !== 'string' || norm(x) === '') problems.push(`id ${o.id}: empty or non-string sentence`);
      else if (!texts[i].includes(norm(x))) problems.push(`id ${o.id}: sentence not found in the documents: ${x.slice(0, 80)}`);
    }
  });
  const n = lines.length || 1;
  console.log(
    `${peer}: ${lines.length} stories, ${empty} empty, ${(sentences / n).toFixed(2)} sentences and ` +
      `${(words / n).toFixed(1)} words a summary on average (max ${maxWords}), ${problems.length} problems`,
  );
  for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
  if (problems.length) bad++;
}
process.exit(bad ? 1 : 0);
