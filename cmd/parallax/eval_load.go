package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parallax-news/parallax/internal/eval"
)

const evalLoadUsage = `Usage: parallax eval load --url URL [--rate R] [--duration D] [--warmup D]
                          [--path P] [--stories N] [--seed S]

Measures a running 'parallax serve' from another process: it reads up to
--stories story ids from URL/api/stories, then starts --rate requests a
second for --duration (after --warmup at the same rate, not measured), each
for --path with {id} replaced by a story id drawn at random, and prints one
JSON object: requests, errors, the rate achieved, and the latency
quantiles p50, p90, p99 and the maximum in milliseconds.

The load is an open loop: requests start on schedule whatever the answers'
speed, and each latency counts from when its request was due, so a server
that falls behind shows it in the quantiles instead of slowing the load.

Flags:
  --url URL        the server (required), e.g. http://127.0.0.1:8080
  --rate R         requests started per second (default 200)
  --duration D     measured time (default 30s)
  --warmup D       unmeasured time before it (default 5s)
  --path P         the page asked for (default /stories/{id})
  --stories N      story ids to draw from (default 1000)
  --seed S         seed of the draw (default 1)
  --token T        bearer token sent with every request, for a server whose
                   reads need one (default $PARALLAX_READ_TOKEN)
`

func runEvalLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stdout, evalLoadUsage) }
	var o eval.LoadOptions
	fs.StringVar(&o.Base, "url", "", "server address")
	fs.Float64Var(&o.Rate, "rate", 200, "requests per second")
	fs.DurationVar(&o.Duration, "duration", 30*time.Second, "measured time")
	fs.DurationVar(&o.Warmup, "warmup", 5*time.Second, "unmeasured time first")
	fs.StringVar(&o.Path, "path", "/stories/{id}", "page asked for")
	fs.IntVar(&o.Stories, "stories", 1000, "story ids to draw from")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed of the draw")
	fs.StringVar(&o.Token, "token", os.Getenv("PARALLAX_READ_TOKEN"), "bearer token for reads")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return &usageError{fmt.Sprintf("eval load: unexpected argument %q", fs.Arg(0))}
	}
	if o.Base == "" {
		return &usageError{"eval load: --url is required"}
	}
	if o.Rate <= 0 || o.Duration <= 0 || o.Warmup < 0 {
		return &usageError{"eval load: --rate and --duration must be positive, --warmup not negative"}
	}
	res, err := eval.Load(ctx, o)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
