package extract

import (
	"strings"

	"github.com/kgraph/kgraph/schema"
)

// Saying less: the last check a fact passes before it is kept. The clause
// reader errs in shapes a reader spots at once (an object cut off after
// "of", a role read as the subject of its holder, two people said to be
// each other); such a fact is worse than none, so it is dropped or, where
// the mistake is only the order of an apposition, turned round. The checks
// look at the fact as it will be stored, not at one sentence's parse, so
// they catch the same mistake whichever repair or rule made it.

// dangling are words a phrase cannot end with: a preposition, conjunction
// or article whose complement was cut off.
var dangling = map[string]bool{"of": true, "to": true, "from": true, "for": true, "with": true, "by": true,
	"in": true, "on": true, "at": true, "and": true, "or": true, "the": true, "a": true, "an": true, "as": true,
	"that": true, "than": true, "into": true, "about": true, "between": true, "among": true, "its": true,
	"their": true, "our": true, "whose": true, "which": true, "who": true, "including": true}

// honorifics are titles too small to be what someone is: "Vivek Murthy is
// Dr." says nothing.
var honorifics = map[string]bool{"dr.": true, "dr": true, "mr.": true, "ms.": true, "mrs.": true, "sen.": true,
	"rep.": true, "gov.": true, "hon.": true, "sir": true, "madam": true}

// plausible reports whether fact f should be kept, after turning round an
// apposition written role first.
func (d *docState) plausible(f *schema.Fact) bool {
	// A modal carries no relation on its own: "we can ways" is a
	// misread clause.
	// A concept's label is its head phrase: its wording is what can be cut off.
	if modals[f.Predicate] || endsDangling(d.wording(f.Object, f.ObjectText)) || endsDangling(d.wording(f.Subject, f.SubjectText)) ||
		fragmentSubject(f.Subject) {
		return false
	}
	// "vice Wanda Felton, resigned" names whom a nominee replaces: no
	// argument of any fact.
	if vice(f.ObjectText) || vice(f.SubjectText) || vice(f.Object) {
		return false
	}
	if f.Predicate != "be" {
		return true
	}
	if honorifics[strings.ToLower(f.Object)] {
		return false
	}
	sp, op := d.isPerson(f.Subject), d.isPerson(f.Object)
	switch {
	case sp && op:
		// Two people are not each other: "President Joe Biden and Vice
		// President Kamala Harris" is a list.
		return false
	case op && !sp:
		// "the Deputy Attorney General, Lisa Monaco": the holder is the
		// subject. A lower-case description is no role of a person
		// ("the term of four years, vice Robert Hur"): a misread list.
		if !startsUpper(f.Subject) {
			return false
		}
		f.Subject, f.Object = f.Object, f.Subject
		f.SubjectText, f.ObjectText = f.ObjectText, f.SubjectText
	}
	return true
}

// wording is an argument as a table shows it: a concept by its phrase.
func (d *docState) wording(label, text string) string {
	if e, ok := d.ents[Key(label)]; ok {
		return schema.Shown(label, e.Type, text)
	}
	return label
}

func (d *docState) isPerson(label string) bool {
	e, ok := d.ents[Key(label)]
	return ok && e.Type == schema.TypePerson
}

func vice(s string) bool {
	rest, ok := strings.CutPrefix(s, "vice ")
	return ok && startsUpper(rest)
}

func endsDangling(s string) bool {
	i := strings.LastIndexByte(s, ' ')
	return i >= 0 && dangling[strings.ToLower(s[i+1:])]
}

// fragmentSubject: a quantity alone ("two-thirds", "50-year") is a
// modifier cut from the noun it counts.
func fragmentSubject(s string) bool {
	if strings.Contains(s, " ") || s == "" {
		return false
	}
	c := s[0]
	if c >= '0' && c <= '9' {
		return true
	}
	w := strings.ToLower(s)
	if i := strings.IndexByte(w, '-'); i > 0 {
		w = w[:i]
	}
	return numberWords[w]
}

var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "half": true, "third": true, "quarter": true,
	"dozen": true, "hundred": true, "thousand": true, "million": true, "billion": true}
