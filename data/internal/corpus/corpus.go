// Package corpus walks the statements corpus for the generators of
// data/internal, leaving out the documents held out for judging, so that
// nothing the binary embeds was learnt from them.
package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// Doc is what the generators read of a document.
type Doc struct {
	ID, Title, Text string
}

// HeldOut is the list of held-out document ids, relative to the repository
// root, where the generators run.
const HeldOut = "testdata/judge/docs.txt"

// Each calls fn for every document of the gzipped JSON Lines file at path
// that HeldOut does not list. Lines that are not a JSON object are skipped.
func Each(path string, fn func(Doc)) error {
	held := map[string]bool{}
	b, err := os.ReadFile(HeldOut)
	if err != nil {
		return fmt.Errorf("held-out list: %w", err)
	}
	for _, id := range strings.Fields(string(b)) {
		held[id] = true
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	r := bufio.NewReaderSize(zr, 1<<20)
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			var d Doc
			if json.Unmarshal(line, &d) == nil && !held[d.ID] {
				fn(d)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
}
