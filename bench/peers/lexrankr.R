# Peer: R's lexRankr (Debian r-cran-lexrankr), multi-document LexRank.
#
# A small line server, driven by lexrankr.js: it reads one story a line on
# standard input, {"id": ..., "documents": [...]} (parsed with jsonlite), and
# answers one line on standard output, {"sentences": [...]} or
# {"error": "..."}. lexrankr.js keeps the time limit (it kills and restarts
# this process when a story takes too long) and applies the word budget.
#
# Each story's documents go in as a character vector, one element a
# document (docId = "create", lexRankr's native multi-document input).
# Parameters are lexRankr's defaults (threshold = 0.2, continuous = FALSE,
# usePageRank = TRUE, damping = 0.85, sentencesAsDocs = FALSE, removePunc,
# removeNum, toLower, stemWords, rmStopWords all TRUE, returnTies = TRUE)
# except:
#   n = Inf          every ranked sentence, so the word budget can be filled
#   Verbose = FALSE  no progress chatter
# lexRank() returns its sentences best first; that is the order answered.
#
# Usage: Rscript lexrankr.R   (then JSON lines on standard input)

suppressPackageStartupMessages({
  library(jsonlite)
  library(lexRankr)
})

summarize_docs <- function(docs) {
  docs <- trimws(as.character(unlist(docs)))
  docs <- docs[nzchar(docs)]
  if (length(docs) == 0) return(character(0))
  res <- suppressWarnings(lexRank(docs, docId = "create", n = Inf, Verbose = FALSE))
  as.character(res$sentence)
}

answer <- function(rec) {
  cat(as.character(toJSON(rec, auto_unbox = TRUE, digits = NA)), "\n", sep = "")
  flush(stdout())
}

# Warm up before the first story (loads the code lexRankr uses lazily), then
# say so: the driver starts its per-story clock only after this line.
invisible(tryCatch(summarize_docs(c(
  "The cat sat on the mat. The cat ate the fish. The dog saw the cat.",
  "A dog and a cat met. The dog chased the cat up a tree.")),
  error = function(e) NULL))
answer(list(ready = TRUE))

input <- file("stdin", open = "r", encoding = "UTF-8")
repeat {
  line <- readLines(input, n = 1L, warn = FALSE, encoding = "UTF-8")
  if (length(line) == 0) break
  if (!nzchar(trimws(line))) next
  rec <- tryCatch({
    story <- fromJSON(line, simplifyVector = TRUE)
    list(sentences = I(summarize_docs(story$documents)))
  }, error = function(e) list(error = conditionMessage(e)))
  answer(rec)
}
close(input)
