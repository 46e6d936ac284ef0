'use strict';
// Shared plumbing for the peer runners in this folder: reading the stories,
// the word budget rule, per-story time limits, ordered output and the .time
// file. Each peer file only says how to ask its summarizer for sentences.

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { data: null, limit: 0, words: 250, out: null, jobs: 2, timeout: 30 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`missing value for ${a}`);
      return argv[++i];
    };
    switch (a) {
      case '--data': opts.data = next(); break;
      case '--limit': opts.limit = parseInt(next(), 10); break;
      case '--words': opts.words = parseInt(next(), 10); break;
      case '--out': opts.out = next(); break;
      case '--jobs': opts.jobs = parseInt(next(), 10); break;
      case '--timeout': opts.timeout = parseFloat(next()); break;
      case '--version-note': opts.versionNote = next(); break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!(opts.words > 0)) throw new Error('--words must be a positive integer');
  if (!(opts.jobs > 0)) opts.jobs = 1;
  return opts;
}

// ---------------------------------------------------------------- input

// Reads the Multi-News style JSONL (optionally gzipped). Returns
// [{id, documents}] in file order; documents that are empty after trimming
// are dropped (the same for every peer).
function readStories(file, limit) {
  let buf = fs.readFileSync(file);
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) buf = zlib.gunzipSync(buf);
  const stories = [];
  for (const line of buf.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line);
    const docs = (o.documents || []).filter((d) => typeof d === 'string' && d.trim() !== '');
    stories.push({ id: o.id, documents: docs });
    if (limit > 0 && stories.length >= limit) break;
  }
  return stories;
}

// One text for peers that take a single text: documents separated by a
// blank line (paragraph break).
function joinDocuments(docs) {
  return docs.map((d) => d.trim()).join('\n\n');
}

// ---------------------------------------------------------------- budget

function countWords(s) {
  const t = s.trim();
  return t === '' ? 0 : t.split(/\s+/).length;
}

function cleanSentence(s) {
  return String(s).replace(/\s+/g, ' ').trim();
}

// The budget rule, the same for every peer: walk the peer's sentences in
// the peer's own output order; keep one only if the running total of
// whitespace-separated words stays <= budget; skip one that does not fit
// and try the next.
function applyBudget(sentences, budget) {
  const out = [];
  let total = 0;
  for (const raw of sentences) {
    const s = cleanSentence(raw);
    if (s === '') continue;
    const w = countWords(s);
    if (total + w <= budget) {
      out.push(s);
      total += w;
    }
  }
  return out;
}

// ---------------------------------------------------------------- output

function writeResults(peer, opts, results, startMs, extra) {
  const wall = (Date.now() - startMs) / 1000;
  const outDir = opts.out;
  fs.mkdirSync(outDir, { recursive: true });
  let failed = 0;
  let empty = 0;
  let over = 0;
  const lines = [];
  const failures = [];
  for (const r of results) {
    let summary = [];
    if (r.error) {
      failed++;
      failures.push(`${r.id}\t${String(r.error).replace(/\s+/g, ' ').slice(0, 300)}`);
    } else {
      summary = applyBudget(r.sentences || [], opts.words);
    }
    if (summary.length === 0) empty++;
    if (summary.reduce((n, s) => n + countWords(s), 0) > opts.words) over++;
    lines.push(JSON.stringify({ id: r.id, summary }));
  }
  const jsonl = path.join(outDir, `${peer}.jsonl`);
  fs.writeFileSync(jsonl + '.tmp', lines.join('\n') + (lines.length ? '\n' : ''));
  fs.renameSync(jsonl + '.tmp', jsonl);
  const failFile = path.join(outDir, `${peer}.failures.tsv`);
  if (failures.length) fs.writeFileSync(failFile, failures.join('\n') + '\n');
  else if (fs.existsSync(failFile)) fs.unlinkSync(failFile);
  const n = results.length;
  const rate = wall > 0 ? n / wall : 0;
  const timeLines = [
    `peer ${peer}`,
    `stories ${n}`,
    `wall_seconds ${wall.toFixed(2)}`,
    `stories_per_second ${rate.toFixed(3)}`,
    `failed ${failed}`,
    `empty ${empty}`,
    `word_budget ${opts.words}`,
  ];
  if (extra) for (const [k, v] of Object.entries(extra)) timeLines.push(`${k} ${v}`);
  fs.writeFileSync(path.join(outDir, `${peer}.time`), timeLines.join('\n') + '\n');
  process.stderr.write(
    `[${peer}] ${n} stories in ${wall.toFixed(1)} s (${rate.toFixed(2)} stories/s); ` +
      `failed (crash/timeout) ${failed}, empty summaries ${empty}` +
      (over ? `, OVER BUDGET ${over}` : '') + ` -> ${jsonl}\n`,
  );
  if (failed) process.stderr.write(`[${peer}] failures listed in ${failFile}\n`);
}

function progress(peer, done, total, startMs) {
  if (done % 500 === 0 || done === total) {
    const s = (Date.now() - startMs) / 1000;
    process.stderr.write(`[${peer}] ${done}/${total} stories, ${s.toFixed(0)} s\n`);
  }
}

// ---------------------------------------------------------------- workers

// Runs a peer that lives in a worker thread (one node process for all
// stories). workerFile must, when loaded as a worker, call serveWorker().
// Up to opts.jobs workers run at once; a story that takes longer than
// opts.timeout seconds has its worker terminated (and replaced), and the
// story is recorded as failed. Results come back in input order.
async function runWorkerPeer(peer, workerFile, opts) {
  const { Worker } = require('worker_threads');
  const stories = readStories(opts.data, opts.limit);
  const startMs = Date.now();
  const results = new Array(stories.length);
  let nextIndex = 0;
  let done = 0;

  function startWorker() {
    return new Promise((resolve, reject) => {
      const w = new Worker(workerFile, { workerData: { words: opts.words } });
      const onMsg = (m) => {
        if (m && m.ready) {
          w.off('message', onMsg);
          w.off('error', onErr);
          resolve(w);
        }
      };
      const onErr = (e) => reject(e);
      w.on('message', onMsg);
      w.on('error', onErr);
    });
  }

  function runOne(w, story) {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (r, broken) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        w.removeAllListeners('exit');
        resolve({ r, broken });
      };
      const timer = setTimeout(() => {
        finish({ id: story.id, error: `timeout after ${opts.timeout} s` }, true);
      }, opts.timeout * 1000);
      w.on('message', (m) => finish({ id: story.id, sentences: m.sentences, error: m.error || null }, false));
      w.on('error', (e) => finish({ id: story.id, error: `worker error: ${e && e.message}` }, true));
      w.on('exit', (code) => finish({ id: story.id, error: `worker exited (${code})` }, true));
      w.postMessage({ id: story.id, documents: story.documents });
    });
  }

  async function lane() {
    let w = await startWorker();
    while (true) {
      const i = nextIndex++;
      if (i >= stories.length) break;
      const { r, broken } = await runOne(w, stories[i]);
      results[i] = r;
      progress(peer, ++done, stories.length, startMs);
      if (broken) {
        try { await w.terminate(); } catch (e) { /* already gone */ }
        w = await startWorker();
      }
    }
    await w.terminate();
  }

  const lanes = [];
  for (let j = 0; j < Math.min(opts.jobs, Math.max(1, stories.length)); j++) lanes.push(lane());
  await Promise.all(lanes);
  return { results, startMs };
}

// Worker side: handler(documents, words) returns (or resolves to) the
// peer's sentences in the peer's own output order.
function serveWorker(handler) {
  const { parentPort, workerData } = require('worker_threads');
  parentPort.on('message', async (story) => {
    try {
      const sentences = await handler(story.documents, workerData.words);
      parentPort.postMessage({ sentences: sentences.map(String) });
    } catch (e) {
      parentPort.postMessage({ error: (e && (e.stack || e.message)) || String(e) });
    }
  });
  parentPort.postMessage({ ready: true });
}

// Runs a peer that is a separate line-server process (lexrankr.R): it
// prints {"ready": true} once loaded, then answers each story line
// {"id", "documents"} on its standard input with one line
// {"sentences": [...]} or {"error": "..."} on its standard output. Up to
// opts.jobs processes run at once, each kept for many stories; one that
// takes longer than opts.timeout seconds on a story is killed (and
// replaced), as is one that dies, and the story counts as failed. Results
// come back in input order.
async function runProcessPeer(peer, command, args, opts) {
  const { spawn } = require('child_process');
  const stories = readStories(opts.data, opts.limit);
  const startMs = Date.now();
  const results = new Array(stories.length);
  let nextIndex = 0;
  let done = 0;
  const startupMs = 120 * 1000;

  function startServer() {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
      const srv = { child, buf: '', waiter: null, dead: null };
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        srv.buf += chunk;
        let nl;
        while ((nl = srv.buf.indexOf('\n')) >= 0) {
          const line = srv.buf.slice(0, nl);
          srv.buf = srv.buf.slice(nl + 1);
          if (line.trim() === '') continue;
          const w = srv.waiter;
          srv.waiter = null;
          if (w) w.onLine(line);
        }
      });
      const onGone = (why) => {
        if (srv.dead) return;
        srv.dead = why;
        const w = srv.waiter;
        srv.waiter = null;
        if (w) w.onDead(why);
      };
      child.on('exit', (code, signal) => onGone(`process exited (${signal || code})`));
      child.on('error', (e) => onGone(`process error: ${e.message}`));
      child.stdin.on('error', () => { /* reported through exit */ });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${command} did not start within ${startupMs / 1000} s`));
      }, startupMs);
      srv.waiter = {
        onLine: (line) => {
          clearTimeout(timer);
          let m = null;
          try { m = JSON.parse(line); } catch (e) { /* below */ }
          if (m && m.ready) resolve(srv);
          else {
            child.kill('SIGKILL');
            reject(new Error(`${command} said ${line.slice(0, 200)} instead of ready`));
          }
        },
        onDead: (why) => {
          clearTimeout(timer);
          reject(new Error(`${command} failed to start: ${why}`));
        },
      };
    });
  }

  function runOne(srv, story) {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (r, broken) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        srv.waiter = null;
        resolve({ r, broken });
      };
      const timer = setTimeout(() => {
        finish({ id: story.id, error: `timeout after ${opts.timeout} s` }, true);
      }, opts.timeout * 1000);
      srv.waiter = {
        onLine: (line) => {
          try {
            const m = JSON.parse(line);
            finish({ id: story.id, sentences: m.sentences || [], error: m.error || null }, false);
          } catch (e) {
            finish({ id: story.id, error: `unreadable answer: ${line.slice(0, 200)}` }, true);
          }
        },
        onDead: (why) => finish({ id: story.id, error: why }, true),
      };
      if (srv.dead) finish({ id: story.id, error: srv.dead }, true);
      else srv.child.stdin.write(JSON.stringify({ id: story.id, documents: story.documents }) + '\n');
    });
  }

  function stop(srv) {
    return new Promise((resolve) => {
      if (srv.dead) return resolve();
      srv.child.once('exit', () => resolve());
      srv.child.stdin.end();
      setTimeout(() => srv.child.kill('SIGKILL'), 5000).unref();
    });
  }

  async function lane() {
    let srv = await startServer();
    while (true) {
      const i = nextIndex++;
      if (i >= stories.length) break;
      const { r, broken } = await runOne(srv, stories[i]);
      results[i] = r;
      progress(peer, ++done, stories.length, startMs);
      if (broken) {
        srv.child.kill('SIGKILL');
        await stop(srv);
        srv = await startServer();
      }
    }
    await stop(srv);
  }

  const lanes = [];
  for (let j = 0; j < Math.min(opts.jobs, Math.max(1, stories.length)); j++) lanes.push(lane());
  await Promise.all(lanes);
  return { results, startMs };
}

function main(fn) {
  fn().catch((e) => {
    process.stderr.write(`${(e && e.stack) || e}\n`);
    process.exit(1);
  });
}

module.exports = {
  parseArgs, readStories, joinDocuments, countWords, cleanSentence, applyBudget,
  writeResults, progress, runWorkerPeer, serveWorker, runProcessPeer, main,
};
