package extract

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestDumpParse(t *testing.T) {
	s := os.Getenv("KG_SENT")
	if s == "" {
		t.Skip()
	}
	p, _ := Default()
	_ = context.Background
	ns := p.sentences(s)
	for _, x := range ns {
		pr := newParse(x)
		for i, w := range pr.s.Words {
			fmt.Println(i, w.Text, w.UPOS, w.XPOS, pr.rel(i), pr.head(i))
		}
	}
}
