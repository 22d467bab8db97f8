package graph

import (
	"bufio"
	"context"
	"io"
	"strconv"
	"strings"

	"github.com/kgraph/kgraph/schema"
)

// tsv is our facts table: one row per distinct fact, names not IRIs, for
// spreadsheets and diff.
func init() {
	registerFormat(Format{
		Name:  "tsv",
		Ext:   []string{".tsv"},
		MIME:  "text/tab-separated-values",
		write: writeTSV,
	})
}

// TSVHeader is the first line of the tsv export.
const TSVHeader = "subject\tpredicate\tobject\tdocument\tsentence\tconfidence\tpolarity"

func writeTSV(ctx context.Context, v *view, w io.Writer) error {
	rows, err := v.facts(ctx)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(TSVHeader + "\n")
	seen := make(map[string]bool, len(rows))
	for _, r := range rows {
		line := strings.Join([]string{
			field(schema.Shown(r.Subject, r.SubjectType, r.SubjectText)), field(r.Predicate), field(schema.Shown(r.Object, r.ObjectType, r.ObjectText)), field(r.Document),
			strconv.Itoa(r.Sentence), strconv.FormatFloat(r.Confidence, 'f', 3, 64), r.Polarity,
		}, "\t") + "\n"
		if seen[line] { // two statements, one row: say it once
			continue
		}
		seen[line] = true
		bw.WriteString(line)
	}
	return bw.Flush()
}

// field makes s safe for one tsv cell: tabs and line breaks become spaces.
var fieldReplacer = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ", "\v", " ", "\f", " ", "\u0085", " ", "\u2028", " ", "\u2029", " ")

func field(s string) string { return fieldReplacer.Replace(s) }
