package extract

// confidence scores how likely a tuple is right, so that facts can be
// ranked (CaRB's AUC rewards a good ranking). The features are what tends
// to go wrong with a dependency parse: long arguments, subjects taken from
// another clause, deep embedding, and relations without a verb.
func confidence(p *parse, t tuple) float64 {
	c := 0.75
	if t.inherit {
		c -= 0.08
	}
	if len(t.obj) == 0 {
		c -= 0.1
	}
	if t.kind == "appos" {
		c -= 0.15
	}
	switch {
	case t.depth > 3:
		c -= 0.12
	case t.depth > 1:
		c -= 0.05
	}
	if n := len(t.subj); n > 8 {
		c -= 0.08
	}
	if n := len(t.obj); n > 12 {
		c -= 0.08
	}
	c -= 0.03 * float64(len(t.extra))
	if len(p.s.Words) > 40 {
		c -= 0.05
	}
	if c < 0.05 {
		c = 0.05
	}
	if c > 0.99 {
		c = 0.99
	}
	return c
}
