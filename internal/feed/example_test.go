package feed_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/parallax-news/parallax/internal/feed"
)

func ExampleParse() {
	body := []byte(`<?xml version="1.0"?>
<rss version="2.0"><channel><title>Town Crier</title><link>https://crier.example/</link>
<item><title>Bridge reopens</title><link>/2024/bridge</link><guid>crier-17</guid>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate><description>&lt;p&gt;Traffic is back.&lt;/p&gt;</description></item>
</channel></rss>`)
	f, err := feed.Parse(body, "application/rss+xml", "https://crier.example/feed.xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	e := f.Entries[0]
	fmt.Println(f.Format, f.Title)
	fmt.Println(e.ID, e.URL, e.Published.Format(time.DateOnly))
	fmt.Println(feed.PlainText(e.Summary))
	// Output:
	// rss Town Crier
	// crier-17 https://crier.example/2024/bridge 2024-03-05
	// Traffic is back.
}

func ExampleDiscover() {
	page := []byte(`<html><head><link rel="alternate" type="application/atom+xml" title="All stories" href="/atom.xml"></head></html>`)
	for _, l := range feed.Discover(page, "https://crier.example/news/") {
		fmt.Println(l.URL, l.Type, l.Title)
	}
	// Output: https://crier.example/atom.xml application/atom+xml All stories
}

func ExampleReadOPML() {
	subs, err := feed.ReadOPML(strings.NewReader(`<opml version="2.0"><body>
<outline text="World"><outline text="Crier" xmlUrl="https://crier.example/feed.xml" htmlUrl="https://crier.example/"/></outline>
</body></opml>`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%+v\n", subs[0])
	feed.WriteOPML(os.Stdout, subs)
	// Output:
	// {Title:Crier FeedURL:https://crier.example/feed.xml SiteURL:https://crier.example/ Category:World}
	// <?xml version="1.0" encoding="UTF-8"?>
	// <opml version="2.0">
	//   <head>
	//     <title>Parallax subscriptions</title>
	//   </head>
	//   <body>
	//     <outline text="World" title="World">
	//       <outline type="rss" text="Crier" title="Crier" xmlUrl="https://crier.example/feed.xml" htmlUrl="https://crier.example/"/>
	//     </outline>
	//   </body>
	// </opml>
}

func ExampleFeedState() {
	now := time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)
	s := feed.NewState()
	f := s.Feed("https://crier.example/feed.xml")
	for range 3 {
		f.Failed(now, feed.DefaultSchedule, fmt.Errorf("HTTP status 500"))
	}
	fmt.Println(f.Failures, f.NextAttempt.Sub(now), f.Due(now.Add(19*time.Minute)))
	f.Succeeded(now, feed.DefaultSchedule, `"etag-1"`, "")
	fmt.Println(f.Failures, f.Due(now))
	// Output:
	// 3 20m0s false
	// 0 true
}
