// Package extract turns a downloaded or saved HTML page into an article:
// its body as plain text in paragraphs, title, authors, publication date
// and time, site name, canonical URL and language.
//
// The body comes from go-trafilatura, with the readability port
// (codeberg.org/readeck/go-readability) as the fallback when trafilatura
// finds nothing worth keeping. The metadata that trafilatura loses or
// guesses (the time of day of publication, the canonical URL, the site
// name) is read from the page's JSON-LD, <meta>, <link> and <time>
// elements.
//
// Hostile input is bounded before the extractors see it: the page size
// (Options.MaxBytes), the nesting depth (the HTML parser stops at 512
// open elements; Options.MaxDepth may lower it) and the number of
// elements (Options.MaxElements), each a clear error. A page that is not
// HTML (a PDF, an image, JSON, binary data, or a content type that says
// so) is an error too; the bytes are sniffed as well as the header, so
// neither a wrong content type nor a binary file behind an HTML URL
// passes.
//
// Pages in any character encoding are read: a page that is valid UTF-8 is
// read as UTF-8 whatever it declares; otherwise the byte-order mark, the
// Content-Type header, the <meta> declaration and the bytes decide.
package extract
