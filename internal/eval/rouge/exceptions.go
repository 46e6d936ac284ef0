package rouge

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ExceptionFiles lists the WordNet exception lists that LoadExceptions reads,
// in the order in which ROUGE-1.5.5's exception database was built: a pair in
// a later file replaces an earlier pair for the same inflected form, which is
// why "better" maps to "well" (adv.exc) rather than "good" (adj.exc).
var ExceptionFiles = []string{"adj.exc", "adv.exc", "noun.exc", "verb.exc"}

// DefaultExceptionsDir is where the WordNet 2.0 exception lists live relative
// to the module root. FindExceptionsDir resolves it from nested working
// directories; callers that keep the lists elsewhere may change it, or pass
// their own directory to LoadExceptions.
var DefaultExceptionsDir = filepath.Join("..", "shared", "data", "rouge-conformance", "wordnet-2.0-exc")

// maxSearchDepth bounds how many parent directories FindExceptionsDir tries.
const maxSearchDepth = 4

// Exceptions maps inflected word forms to the WordNet base form that the
// stemmer uses instead of a Porter stem (for example "geese" to "goose").
// The zero value is an empty list. An Exceptions value is read-only after
// loading and safe for concurrent use.
type Exceptions struct {
	base map[string]string
}

// NewExceptions returns exception lists holding a copy of the given pairs,
// mapping each inflected form to its base form.
func NewExceptions(pairs map[string]string) Exceptions {
	m := make(map[string]string, len(pairs))
	for k, v := range pairs {
		m[k] = v
	}
	return Exceptions{base: m}
}

// Lookup returns the base form recorded for the inflected form word.
func (e Exceptions) Lookup(word string) (string, bool) {
	b, ok := e.base[word]
	return b, ok
}

// Len returns the number of inflected forms in the lists.
func (e Exceptions) Len() int { return len(e.base) }

// FindExceptionsDir returns DefaultExceptionsDir resolved against the working
// directory or one of its first few ancestors (".", "..", "../..", ...),
// whichever first holds all of ExceptionFiles. This lets code running in a
// nested package directory, such as a test, find the lists beside the module.
func FindExceptionsDir() (string, error) {
	prefix := "."
	for range maxSearchDepth + 1 {
		dir := filepath.Join(prefix, DefaultExceptionsDir)
		if hasExceptionFiles(dir) {
			return dir, nil
		}
		prefix = filepath.Join(prefix, "..")
	}
	return "", fmt.Errorf("rouge: exception lists %s not found in the working directory or its %d parents", DefaultExceptionsDir, maxSearchDepth)
}

func hasExceptionFiles(dir string) bool {
	for _, name := range ExceptionFiles {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// LoadExceptions reads the WordNet exception lists named by ExceptionFiles
// from dir. Each non-blank line must hold an inflected form followed by one
// or more base forms separated by white space; like ROUGE-1.5.5, only the
// first base form is kept. A missing file or a malformed line is an error
// that names the file (and line).
func LoadExceptions(dir string) (Exceptions, error) {
	e := Exceptions{base: make(map[string]string, 6000)}
	for _, name := range ExceptionFiles {
		path := filepath.Join(dir, name)
		f, err := os.Open(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return Exceptions{}, fmt.Errorf("rouge: exception list %s is missing: %w", path, err)
			}
			return Exceptions{}, fmt.Errorf("rouge: reading exception list: %w", err)
		}
		err = e.read(path, f)
		f.Close()
		if err != nil {
			return Exceptions{}, err
		}
	}
	return e, nil
}

// read adds the pairs of one exception list, named path in errors.
func (e Exceptions) read(path string, r io.Reader) error {
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) < 2 || strings.TrimLeft(text, " \t\r\f\v") != text {
			return fmt.Errorf("rouge: exception list %s:%d: malformed line %q: want \"inflected base [base...]\"", path, line, text)
		}
		e.base[fields[0]] = fields[1]
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("rouge: reading exception list %s: %w", path, err)
	}
	return nil
}
