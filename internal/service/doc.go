// Package service runs Parallax's pipeline continuously over a store, as
// durable jobs in River (riverqueue), the job queue kept in the store's own
// database:
//
//   - poll_feed polls one followed feed, conditionally, on its schedule
//     with its backoff (internal/feed); entries that carry their text
//     become articles, teasers become fetch_page jobs;
//   - fetch_page downloads one page with the safe client (internal/fetch)
//     and extracts its article (internal/extract);
//   - cluster groups the articles waiting for it into stories
//     (internal/cluster) under the store's one clustering lock;
//   - rebuild_brief builds a story's brief (package brief), debounced so
//     that a burst of articles costs one rebuild;
//   - tick, River's periodic job, queues polls of due feeds, clustering
//     left undone and briefs left stale.
//
// Articles are committed before their jobs are queued and before an
// answer is given, so a process killed at any moment loses nothing it
// acknowledged: the jobs River had not finished are run again, and the
// store's keys (canonical URL, text hash) make a second run harmless.
//
// # Clustering across processes
//
// The online clusterer is in memory and deterministic for a given order
// of articles. Every process keeps its own; a clustering step takes the
// database's clustering lock, first replays the articles other processes
// clustered since this one last looked (the clustering log, in log
// order), which gives it the state they had, then adds a batch of new
// articles, numbers them on in the log, and saves assignments, the
// changed stories and merges in one transaction. Story ids come from each
// story's founding article, so a replay names stories as they were named.
// docs/ARCHITECTURE.md ("The service") says why this is correct and how
// far it scales.
package service
