package rouge

import (
	"strings"
	"sync"
)

// cacheShards is the number of independently locked parts of a tokenCache.
const cacheShards = 64

// tokenCache remembers the final form (lower-cased, then mapped through the
// exception lists or the Porter stemmer) of raw tokens. It is split into
// shards, each a map under a read-write mutex: lookups with a string key do
// not allocate, which sync.Map's interface-typed keys would, and goroutines
// rarely contend for the same shard once the cache is warm.
type tokenCache struct {
	shards [cacheShards]cacheShard
}

type cacheShard struct {
	mu sync.RWMutex
	m  map[string]string
	_  [40]byte // keep shards on separate cache lines
}

// shardOf returns the shard for key, chosen by an FNV-1a hash.
func (c *tokenCache) shardOf(key string) *cacheShard {
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return &c.shards[h%cacheShards]
}

// get returns the cached final form of key.
func (c *tokenCache) get(key string) (string, bool) {
	sh := c.shardOf(key)
	sh.mu.RLock()
	v, ok := sh.m[key]
	sh.mu.RUnlock()
	return v, ok
}

// put records the final form of key. Keys are cloned so that the cache never
// pins the (possibly large) text a token was sliced from.
func (c *tokenCache) put(key, val string) {
	sh := c.shardOf(key)
	sh.mu.Lock()
	if sh.m == nil {
		sh.m = make(map[string]string)
	}
	sh.m[strings.Clone(key)] = val
	sh.mu.Unlock()
}

// token returns the final form of raw, a maximal run of ASCII letters and
// digits taken from a sentence. Tokens that need no change are returned as
// they are; the others go through the cache, so that scoring a warm Scorer
// allocates nothing per token.
func (s *Scorer) token(raw string) string {
	stem := s.opts.Stem && len(raw) > 3
	if !stem && !hasUpper(raw) {
		return raw
	}
	if v, ok := s.cache.get(raw); ok {
		return v
	}
	v := lowerASCII(raw)
	if stem {
		v = s.stem(v)
	}
	s.cache.put(raw, v)
	return v
}

// stem returns the ROUGE-1.5.5 base form of a lower-case token longer than
// three bytes: its WordNet base form when the exception lists have one,
// otherwise its Porter stem (MorphStem in the reference).
func (s *Scorer) stem(tok string) string {
	if base, ok := s.exc.Lookup(tok); ok {
		return base
	}
	return porterStem(tok)
}

// hasUpper reports whether s has an upper-case ASCII letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// lowerASCII lower-cases the ASCII letters of s, returning s itself when it
// has none in upper case.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
