// Command parallax reads several outlets' articles about one event and
// writes one sourced brief: a summary in which every sentence cites every
// outlet that reports it, what the outlets agree on, what only one reports,
// where they conflict, and who said what.
//
// Usage:
//
//	parallax brief [flags] INPUT...
//	parallax stories [flags] INPUT...
//	parallax timeline [flags] INPUT...
//	parallax extract [flags] FILE.html|URL
//	parallax fetch [flags] FEED_URL|PAGE_URL|FILE.opml...
//	parallax serve [flags]
//	parallax ingest [flags] DIR|FILE.jsonl|feeds.opml...
//	parallax eval SUBCOMMAND ...
//	parallax version
//
// Run "parallax help" for the details.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// Exit codes, the one place they are decided.
const (
	exitOK      = 0
	exitFailure = 1 // nothing could be done
	exitUsage   = 2 // the command line is wrong
	exitPartial = 3 // done, but some inputs were skipped
)

// errPartial reports that the job was done without some inputs.
var errPartial = errors.New("some inputs were skipped")

// usageError is a mistake on the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode maps an error from run to the process exit code, printing it.
func exitCode(err error, stderr io.Writer) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errPartial):
		return exitPartial
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "parallax: %v\nRun 'parallax help' for usage.\n", err)
		return exitUsage
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	default:
		fmt.Fprintf(stderr, "parallax: %v\n", err)
		return exitFailure
	}
}

// run is the whole program, callable from tests.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return &usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "brief":
		return runBrief(ctx, rest, stdin, stdout, stderr)
	case "eval":
		return runEval(ctx, rest, stdout, stderr)
	case "extract":
		return runExtract(ctx, rest, stdin, stdout, stderr)
	case "fetch":
		return runFetch(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "ingest":
		return runIngest(ctx, rest, stdout, stderr)
	case "stories":
		return runStories(ctx, rest, stdin, stdout, stderr)
	case "timeline":
		return runTimeline(ctx, rest, stdin, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "parallax %s\n", version)
		return nil
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return &usageError{fmt.Sprintf("unknown command %q", cmd)}
}

const usage = `Parallax writes one sourced brief from several outlets' reports of an event.

Usage:
  parallax brief [flags] INPUT...   write the brief of the articles in INPUT...
  parallax stories [flags] INPUT... group the articles of INPUT... into stories
                                    ('parallax stories -h' for details)
  parallax timeline [flags] INPUT...
                                    the dated account of a topic's articles
                                    ('parallax timeline -h' for details)
  parallax extract [flags] FILE.html|URL
                                    print the article of one web page
                                    ('parallax extract -h' for details)
  parallax fetch FEED|PAGE|FILE.opml...
                                    poll feeds once, write new entries as
                                    article records ('parallax fetch -h')
  parallax serve [flags]            run the service: follow feeds, group
                                    stories, serve briefs on the web
                                    ('parallax serve -h' for details)
  parallax ingest [flags] DIR|FILE.jsonl|feeds.opml...
                                    load articles or feeds into the
                                    service's database ('parallax ingest -h')
  parallax eval SUBCOMMAND ...      measure quality: rouge, summarize, compare,
                                    align, citations, quotes, extract
                                    ('parallax eval help' for details)
  parallax version                  print the version
  parallax help                     print this help

An INPUT is a plain text file (one article), a saved web page (.html,
.htm), an http or https URL of an article page, a directory (every .txt,
.html, .jsonl and .json file in it, recursively), a JSONL file of article
records {"id","url","outlet","title","published","text"} such as
'parallax fetch' and 'parallax extract --format json' write, or - for
standard input. Pages are reduced to their article: text, title, date and
outlet (the site's name, else its host).

Brief flags:
  --words N          summary word budget (default 150)
  --format F         markdown (default), json or html
  --evidence         markdown: print under each summary item, agreed item and
                     conflict side the words of every cited outlet
  --outlet NAME      outlet of the next input file or URL, in order; repeatable
  --allow-private    let URLs reach private, loopback and link-local
                     addresses (refused by default)
  --stories          brief every story among the inputs, largest first (see
                     'parallax stories'); with --format html, -o names a
                     directory that gets one page per story and index.html
  --min-sources N    with --stories, brief only stories of at least N
                     articles (default 2)
  -o, --output FILE  write the brief to FILE instead of standard output

A brief is of one story. When the inputs form several, 'parallax brief'
says so and briefs the largest; within a brief, an article that shares
nothing with the rest (or a text that is not an article) is listed among
the sources as set aside, and nothing is taken from it.

Exit status: 0 done; 1 failed; 2 bad command line; 3 done, but some inputs
were skipped (each is reported on standard error).
`

// parseInterleaved parses flags that may come before, between or after
// the positional arguments, and returns the positional ones. A bad flag is
// a *usageError naming the command; -h is flag.ErrHelp.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseFlags parses args with fs and makes a bad flag a *usageError naming
// the command; -h stays flag.ErrHelp, which exits 0.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	return &usageError{fs.Name() + ": " + err.Error()}
}
