package extract

import (
	"regexp"
	"strings"
	"unicode"

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

// kinWords name someone by their tie to another.
var kinWords = wordSet(`wife husband spouse son daughter mother father brother sister child children parent
	parents grandson granddaughter grandmother grandfather partner ally allies friend friends`)

// caseWords open a prepositional phrase.
var caseWords = map[string]bool{"of": true, "to": true, "for": true, "from": true, "with": true, "by": true,
	"in": true, "on": true, "at": true, "into": true, "about": true}

// honorifics are titles too small to be what someone is: "Vivek Murthy is
// Dr." says nothing.
var honorifics = map[string]bool{"dr.": true, "dr": true, "mr.": true, "ms.": true, "mrs.": true, "sen.": true,
	"rep.": true, "gov.": true, "hon.": true, "honorable": true, "sir": true, "madam": true}

// districtCode is a congressional district or a party and state, as
// lists of lawmakers write them: "NV-04", "D-GA", "D-GA-07", "GA".
var districtCode = regexp.MustCompile(`^(?:[DRI]-)?[A-Z]{2}(?:-(?:\d{1,2}|AL))?$`)

// plausible reports whether fact f should be kept, after turning round an
// apposition written role first.
func (d *docState) plausible(f *schema.Fact) bool {
	// A modal carries no relation on its own: "we can ways" is a
	// misread clause; nor does a dash ("We—the governments of …").
	// A concept's label is its head phrase: its wording is what can be cut off.
	if modals[f.Predicate] || !strings.ContainsFunc(f.Predicate, unicode.IsLetter) || endsDangling(d.wording(f.Object, f.ObjectText)) || endsDangling(d.wording(f.Subject, f.SubjectText)) ||
		fragmentSubject(f.Subject) || listNumber.MatchString(f.SubjectText) {
		return false
	}
	// "vice Wanda Felton, resigned" names whom a nominee replaces: no
	// argument of any fact.
	if vice(f.ObjectText) || vice(f.SubjectText) || vice(f.Object) {
		return false
	}
	if mannerNouns[strings.ToLower(f.Subject)] {
		// "in a sustainable manner that accelerates the transition": a
		// manner does nothing; what is done in it does.
		return false
	}
	if f.Predicate != "be" {
		return true
	}
	if honorifics[strings.ToLower(f.Object)] || districtCode.MatchString(f.Object) {
		// "Rep. Steven Horsford (NV-04)" names the district he
		// represents, and "(D-GA)" a party and state: neither is what
		// he is.
		return false
	}
	if w := strings.Fields(d.wording(f.Object, f.ObjectText)); len(w) > 1 && caseWords[strings.ToLower(w[0])] {
		// "a member of the Task Force" read as "member" and "of the
		// Task Force": a phrase cut from its noun is not what it is.
		return false
	}
	if d.typeOf(f.Subject) == schema.TypeConcept && !strings.Contains(f.Subject, " ") && !kinWords[strings.ToLower(f.Subject)] && startsUpper(f.Object) && !hasRole(f.Object) {
		// "sign into law S. 619", "the Inflation Reduction Act" split
		// as "Inflation" and "Reduction Act": a lone common noun
		// beside a name is a misread phrase. Words for kin and allies
		// say who someone is ("his wife, Yekaterina"; "our ally,
		// Germany").
		return false
	}
	sp, op := d.isPerson(f.Subject), d.isPerson(f.Object)
	if t := d.typeOf(f.Object); !sp && !op && d.nameLike(f.Subject) && startsUpper(f.Object) && !hasRole(f.Object) && !d.nameLike(f.Object) &&
		!isAcronym(strings.TrimSuffix(f.Object, "s")) && (t == "" || t == schema.TypeConcept || t == schema.TypeOrganization) {
		// "Casey Pick, The Trevor Project": a person's name beside an
		// institution's is a list entry saying where she works, not
		// what she is.
		return false
	}
	if d.named(f.Subject) && d.typeOf(f.Subject) != schema.TypeCountry && !sp && hasRole(f.Object) && !bodyRole(f.Object) {
		// "an Engineering Fellow at the Idaho National Engineering
		// Laboratory, an Associate Professor …": a body holds no post;
		// the list's posts are the person's.
		return false
	}
	if d.named(f.Object) && !sp && !op && startsUpper(f.Object) && !kinWords[strings.ToLower(f.Subject)] && !hasRole(f.Object) {
		// "Western Hemisphere Affairs is the U.S. Department of State",
		// "debt relief is the White House": a named body, place or
		// document beside what no rule typed a person is a title line or
		// a headline's source, never what the thing is.
		return false
	}
	if !op && !sp && startsUpper(f.Subject) && d.nameLike(f.Object) {
		// A name no rule typed stands beside a capitalized phrase: a
		// list entry as much as a person known by name. ("his mother,
		// Wanda Cooper-Jones" keeps its order.)
		op = true
	}
	switch {
	case sp && op:
		// Two people are not each other: "President Joe Biden and Vice
		// President Kamala Harris" is a list.
		return false
	case op:
		// "the Deputy Attorney General, Lisa Monaco": the holder is the
		// subject. Only a role can be turned round: an office or a
		// government beside a name ("the Mexican Government, Jesús
		// Ramírez Cuevas") is a list entry whose role was cut off, and a
		// lower-case description ("the term of four years, vice Robert
		// Hur") a misread list.
		if !startsUpper(f.Subject) || !hasRole(f.Subject) {
			return false
		}
		f.Subject, f.Object = f.Object, f.Subject
		f.SubjectText, f.ObjectText = f.ObjectText, f.SubjectText
		sp = true
	}
	if !sp {
		return true
	}
	// What a person is, is a role or a description, never an institution
	// or a place ("Jennifer Granholm is the Department of Energy" is the
	// "of" cut off her title), nor a capitalized piece of a title
	// without its role ("National Security" of "National Security and
	// Intelligence Advisor").
	if hasRole(f.Object) {
		return true
	}
	if e, ok := d.ents[Key(f.Object)]; ok && e.Type != "" && e.Type != schema.TypeConcept && e.Type != schema.TypePerson {
		return false
	}
	return !startsUpper(f.Object)
}

// roleWords, with the titleWords, end or open what a person can be called:
// "Senior Counsel", "FEMA Administrator", "Member of the Commission".
var roleWords = map[string]bool{
	"coordinator": true, "counsel": true, "member": true, "members": true, "officer": true,
	"head": true, "liaison": true, "attorney": true, "justice": true,
	"founder": true, "ceo": true, "executive": true,
	"manager": true, "principal": true, "gen.": true,
	"adm.": true, "surgeon": true, "inspector": true, "comptroller": true, "chaplain": true,
	"treasurer": true, "clerk": true, "delegate": true, "delegation": true, "consul": true, "attaché": true,
	"emperor": true, "sultan": true, "emir": true, "crown": true, "pastor": true, "bishop": true,
	"rabbi": true, "imam": true, "professor": true, "student": true, "president-elect": true, "whip": true,
	"co-chair": true, "staff": true,
	// What a biography calls its subject in capitals ("Provost at Minerva
	// University", "Fellow of the American Physical Society").
	"fellow": true, "fellows": true, "scholar": true, "provost": true, "dean": true, "trustee": true,
	"editor": true, "engineer": true, "scientist": true, "researcher": true, "economist": true,
	"analyst": true, "lecturer": true, "instructor": true, "graduate": true, "co-founder": true,
	"cofounder": true, "chairperson": true, "speechwriter": true, "strategist": true, "vp": true,
}

// hasRole reports whether a capitalized phrase names a role: some word of
// it is a title or a role word.
func hasRole(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.ToLower(strings.TrimSuffix(w, "’s"))
		if titleWords[w] || roleWords[w] {
			return true
		}
	}
	return false
}

// nameLike reports whether a label no entity types is written as a
// person's name: two to five capitalized words, none of them a title,
// an office or an institution ("Alicia Bárcena Ibarra", "Kiran Ahuja").
// The gazetteer's names and acronyms are no person's.
func (d *docState) nameLike(label string) bool {
	if e, ok := d.ents[Key(label)]; ok && e.Type != "" {
		return false
	}
	if d.gaz != nil {
		if _, known := d.gaz.Lookup(label); known {
			return false
		}
	}
	f := strings.Fields(label)
	if len(f) < 2 || len(f) > 5 {
		return false
	}
	for _, w := range f {
		lw := strings.ToLower(w)
		if !capitalized(w) || isAcronym(w) && !isInitial(w) || titleWords[lw] || roleWords[lw] || officeWords[lw] || notNames[lw] {
			return false
		}
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
// bodyRole says whether a role can be a body's: a leader, a member, a
// partner ("NATO is a member of …", "the Fund is a leader in …").
func bodyRole(s string) bool {
	for _, w := range strings.Fields(strings.ToLower(s)) {
		switch strings.TrimSuffix(w, "s") {
		case "leader", "member", "partner", "head", "host", "founder":
			return true
		}
	}
	return false
}

// mannerNouns name how something is done.
var mannerNouns = wordSet(`manner way fashion`)

// listNumber is a subject written as a list's number ("3."), a year or a
// day of the month: a heading's numbering or a date the parser read as the
// doer ("in 2019 was recognized as …"). A count stays ("76,000 have since
// become residents").
var listNumber = regexp.MustCompile(`^(?:\d{1,2}\.?|(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th))$`)

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

// otherPerson drops a "be" fact whose object, as written, holds the name
// of another person of the document: in "Secretary of State Antony J.
// Blinken, Secretary of Defense Lloyd J. Austin III, and …" the list read as
// apposition says Blinken is "Secretary of Defense Lloyd J. Austin III";
// the title is Austin's. It runs once the document's persons are all known,
// as a name may be typed after the fact was made.
func (d *docState) otherPerson(facts []schema.Fact) []schema.Fact {
	// A person's label and each form it was written in, of two words or
	// more, with the person's label.
	owner := map[string]string{}
	note := func(name, label string) {
		if strings.Contains(name, " ") {
			owner[name] = label
		}
	}
	for _, e := range d.ents {
		if e.Type == schema.TypePerson {
			note(e.Label, e.Label)
			for _, a := range e.Aliases {
				note(a.Name, e.Label)
			}
		}
	}
	out := facts[:0]
	for _, f := range facts {
		if f.Predicate == "be" && d.isPerson(f.Subject) && holdsOther(f, owner) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func holdsOther(f schema.Fact, owner map[string]string) bool {
	for n, label := range owner {
		if label != f.Subject && (strings.Contains(f.ObjectText, n) || strings.Contains(f.Object, n)) {
			return true
		}
	}
	return false
}
