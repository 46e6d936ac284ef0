'use strict';
// Peer: Debian's `ots` (Open Text Summarizer), one `ots` process per story.
//
// ots takes one text (the story's documents separated by a blank line) and a
// ratio: it picks its best-graded sentences until they hold that percentage
// of the text's words, and prints them in text order. We run it with
// `--html`, which prints every sentence on its own line and marks the picked
// ones, so sentence boundaries are ots's own. Everything else is ots's
// default (English dictionary).
//
// "Enough" sentences: the ratio is ceil(100 * budget / words in the text);
// ots picks until its picks hold that share of its own word count, so they
// reach the budget or a little more. As ots counts words its own way, the
// picks are checked against the budget in whitespace words, and the ratio
// is raised (1 point at least, more when far short) and ots run again if
// they fall short, up to 100 %.
//
// Stories run --jobs at a time (default 2); output stays in input order. A
// story gets --timeout seconds in all (default 30), after which it counts as
// failed.
//
// Usage: node ots.js --data FILE --out DIR [--limit K] [--words N]
//        [--jobs J] [--timeout S]

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');
const common = require('./common');

const OTS = process.env.OTS_BIN || 'ots';

function runOts(file, ratio, timeoutMs) {
  return new Promise((resolve, reject) => {
    execFile(
      OTS,
      ['--html', `--ratio=${ratio}`, file],
      { timeout: Math.max(1, timeoutMs), killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        if (err) {
          const why = err.killed ? 'timeout' : `exit ${err.code}${err.signal ? ' ' + err.signal : ''}`;
          reject(new Error(`ots ${why}: ${String(stderr).trim().slice(0, 200)}`));
        } else resolve(stdout);
      },
    );
  });
}

// Each sentence is printed as
//   <!--(grade)--><FONT COLOR="..."><span[ style='background:yellow;']>TEXT</span></FONT>
// with newlines in TEXT written as <br>, one sentence a line. Returns [{text, picked}] in text order.
const LINE = /^<!--\((-?\d+)\)--><FONT COLOR="[^"]*"><span( style='background:yellow;')?>([\s\S]*)<\/span><\/FONT>$/;

function parseHtml(html) {
  const out = [];
  for (const line of html.split('\n')) {
    if (!line.startsWith('<!--(')) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error('cannot parse ots output line: ' + line.slice(0, 120));
    out.push({ text: m[3].replace(/<br>/g, '\n'), picked: !!m[2] });
  }
  return out;
}

async function summarizeStory(story, opts, dir, index) {
  const text = common.joinDocuments(story.documents);
  if (text.trim() === '') return [];
  const file = path.join(dir, `story-${index}.txt`);
  fs.writeFileSync(file, text + '\n');
  const deadline = Date.now() + opts.timeout * 1000;
  try {
    const total = common.countWords(text);
    let ratio = Math.min(100, Math.max(1, Math.ceil((100 * opts.words) / Math.max(1, total))));
    for (;;) {
      const html = await runOts(file, ratio, deadline - Date.now());
      const sentences = parseHtml(html);
      const picked = sentences.filter((s) => s.picked).map((s) => s.text);
      const got = picked.reduce((n, s) => n + common.countWords(s), 0);
      if (got >= opts.words || ratio >= 100) return picked;
      const step = Math.max(1, Math.ceil((100 * (opts.words - got)) / Math.max(1, total)));
      ratio = Math.min(100, ratio + step);
      if (Date.now() >= deadline) throw new Error(`timeout after ${opts.timeout} s`);
    }
  } finally {
    fs.rmSync(file, { force: true });
  }
}

common.main(async () => {
  const opts = common.parseArgs(process.argv.slice(2));
  const stories = common.readStories(opts.data, opts.limit);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-ots-'));
  const startMs = Date.now();
  const results = new Array(stories.length);
  let next = 0;
  let done = 0;
  async function lane() {
    for (;;) {
      const i = next++;
      if (i >= stories.length) return;
      const s = stories[i];
      try {
        results[i] = { id: s.id, sentences: await summarizeStory(s, opts, dir, i) };
      } catch (e) {
        results[i] = { id: s.id, error: (e && e.message) || String(e) };
      }
      common.progress('ots', ++done, stories.length, startMs);
    }
  }
  const lanes = [];
  for (let j = 0; j < opts.jobs; j++) lanes.push(lane());
  try {
    await Promise.all(lanes);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  common.writeResults('ots', opts, results, startMs, opts.versionNote ? { versions: opts.versionNote } : null);
});
