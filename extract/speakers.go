package extract

import (
	"bufio"
	"bytes"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/kgraph/kgraph/data"
	"github.com/kgraph/kgraph/nlp"
	"github.com/kgraph/kgraph/schema"
)

// Who "we" are. A statement's group references ("we", "both sides", "the
// leaders") stand for its parties, and the parties are named where the
// document names itself: its title, a title line, or an opening that says
// who released it. A sentence in the body names what the statement is
// about, not who speaks, so it never makes a party: "We deplore Russia's
// repression" is not said by Russia. When no party is found the references
// stay unresolved, and their facts are left out of the facts table rather
// than given to the wrong speaker.

// groupMembers maps Key(group) to its members' canonical labels.
var groupMembers = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(data.Groups))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		group, members, ok := strings.Cut(line, "\t")
		if !ok {
			panic("data/groups.tsv: want group<TAB>members: " + line)
		}
		out[Key(group)] = strings.Split(members, ";")
	}
	return out
})

// publishers maps the end of a publisher's host name to the country it
// speaks for, so a readout of a meeting "with Prime Minister Kishida of
// Japan" on whitehouse.gov has the United States as its other party.
var publishers = []struct{ suffix, country string }{
	{".gov.uk", "United Kingdom"}, {".go.kr", "Republic of Korea"}, {".go.jp", "Japan"}, {".gc.ca", "Canada"},
	{".gov.au", "Australia"}, {".gov.in", "India"}, {"europa.eu", "European Union"}, {".gov", "United States"},
}

func publisherCountry(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, p := range publishers {
		if strings.HasSuffix(host, p.suffix) {
			return p.country
		}
	}
	return ""
}

// meetingWords mark a title of a document two sides share: a joint
// statement, a readout of a meeting or call with someone.
var meetingWords = []string{"joint", "readout", "meeting", "call with", " with ", "trilateral", "bilateral", "summit", "dialogue", "talks"}

// findParties sets d.parties from the document's title (or, for a text
// without one, its title line) and the opening sentences that say who
// released it.
func (d *docState) findParties(doc schema.Document, title *nlp.Sentence, sents []nlp.Sentence) {
	var found []string
	seen := map[string]bool{}
	add := func(text string, s nlp.Sentence) {
		for _, m := range d.scanNamesIn(text, s) {
			if m.Type != schema.TypeCountry && m.Type != schema.TypeOrganization {
				continue
			}
			labels := []string{m.Canonical}
			if ms, ok := groupMembers()[Key(m.Canonical)]; ok {
				labels = ms
			}
			for _, l := range labels {
				if !seen[l] {
					seen[l] = true
					found = append(found, l)
				}
			}
		}
	}
	heading := ""
	if title != nil {
		heading = doc.Title
		add(doc.Title, withoutTopic(doc.Title, withoutSiteName(doc.Title, *title)))
	} else if len(sents) > 0 && titleLine(d.text, sents[0]) {
		heading = d.text[sents[0].Start:sents[0].End]
		add(d.text, withoutTopic(d.text, withoutSiteName(d.text, sents[0])))
	}
	for i := 0; i < len(sents) && i < 3 && len(found) < 2; i++ {
		if i == 0 && title == nil && heading != "" {
			continue // read above as the title line
		}
		if releases(d.text, sents[i]) {
			add(d.text, sents[i])
		}
	}
	lower := strings.ToLower(heading)
	if len(found) == 1 {
		shared := false
		for _, w := range meetingWords {
			shared = shared || strings.Contains(lower, w)
		}
		if pub := publisherCountry(doc.URL); shared && pub != "" && pub != found[0] {
			found = append(found, pub)
		}
	}
	if len(found) < 2 {
		found = nil // one party is no joint statement: leave references unresolved
	}
	d.parties = found
}

// withoutTopic drops a title's topic, what follows its last " on ", which
// the parties speak about: "Joint Statement by France, Germany, the United
// Kingdom and the United States on Iran" is not spoken by Iran.
func withoutTopic(text string, s nlp.Sentence) nlp.Sentence {
	for i := len(s.Words) - 1; i > 0; i-- {
		switch strings.ToLower(s.Words[i].Text) {
		case "on", "regarding", "concerning", "about":
			s.Words = s.Words[:i]
			return s
		}
	}
	return s
}

// releases reports whether an opening sentence says who released or
// issued the text ("The text of the following joint statement was released
// by the Governments of …"), or names the speakers in apposition to "we"
// ("We, the leaders of Australia, India, Japan and the United States, …"),
// at its start or after an opening phrase.
func releases(text string, s nlp.Sentence) bool {
	if len(s.Words) == 0 {
		return false
	}
	// "We, the leaders of …", "We—the governments of …", "Having gathered
	// virtually, we the Ministers and Representatives of …": the first "we".
	if i := slices.IndexFunc(s.Words, func(w nlp.Word) bool { return strings.EqualFold(w.Text, "we") }); i >= 0 && i+2 < len(s.Words) {
		if next := s.Words[i+1].Text; next == "," || next == "—" || next == "–" || strings.EqualFold(next, "the") {
			return true
		}
	}
	for _, w := range s.Words {
		switch strings.ToLower(w.Lemma) {
		case "release", "issue":
			return true
		}
	}
	return false
}

// titleLine reports whether a text's first sentence is its title line: a
// title ends without a full stop, a first sentence of prose with one.
func titleLine(text string, s nlp.Sentence) bool {
	line := strings.TrimSpace(text[s.Start:s.End])
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':', ';':
		return false
	}
	return true
}

// titledName is a person the title names with their title: "President
// Joe Biden", "Prime Minister Kishida Fumio of Japan".
type titledName struct {
	name, title string
	staff       bool // a staff post (staffTitle), no leader
}

// titlePersons reads the titled persons of a title.
func titlePersons(text string, s nlp.Sentence) []titledName {
	var out []titledName
	w := s.Words
	for i := 0; i < len(w); i++ {
		if !titleWords[strings.ToLower(w[i].Text)] || !capitalized(w[i].Text) {
			continue
		}
		j := i
		for j < len(w) && (titleWords[strings.ToLower(w[j].Text)] || officeWords[strings.ToLower(w[j].Text)]) && capitalized(w[j].Text) {
			j++
		}
		k := j
		for k < len(w) && k-j < 4 && capitalized(w[k].Text) && w[k].UPOS == "PROPN" && !notNames[strings.ToLower(w[k].Text)] {
			if _, known := groupMembers()[Key(w[k].Text)]; known {
				break
			}
			k++
		}
		if k > j && j > i {
			t := titledName{name: text[w[j].Start:w[k-1].End], title: text[w[i].Start:w[j-1].End]}
			// "White House Press Secretary Jen Psaki": the word before the
			// title word says it is a staff post.
			t.staff = staffTitle(t.title) || i > 0 && staffWords[strings.ToLower(w[i-1].Text)]
			out = append(out, t)
		}
		i = k
	}
	return out
}

// staffTitle says whether a title is a staff post: a press secretary or an
// adviser speaks of the leaders' meeting, never as one of "the leaders".
func staffTitle(title string) bool {
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if staffWords[w] {
			return true
		}
	}
	return false
}

var staffWords = wordSet(`press spokesperson spokesman spokeswoman advisor adviser communications coordinator`)

// singleVoice marks a title of a text one person speaks: a statement,
// remarks or a message from them.
var singleVoice = []string{"statement from", "statement by", "statement of", "remarks by", "remarks of", "message from",
	"message of", "op-ed by", "letter from"}

// proclaimer finds who speaks a proclamation: its formula "NOW, THEREFORE,
// I, JOSEPH R. BIDEN JR., President of the United States of America" names
// the one its "I" and "we" are.
var proclaimer = regexp.MustCompile(`\bI, ([A-Z][A-Z.]*(?: [A-Z][A-Z.]*){1,4}),? President\b`)

// findSpeakers records the persons the title names, so that "the
// President" of a readout is the one its title names, and, in a text one
// person speaks, "I" and "my" are that person and "we" the country they
// speak for.
func (d *docState) findSpeakers(doc schema.Document, title *nlp.Sentence) {
	if m := proclaimer.FindStringSubmatch(doc.Text); m != nil {
		// The formula's capitals are the name's: "JOSEPH R. BIDEN JR."
		d.speaker = d.personName(titleCase(m[1]), "President", 0)
		if d.parties == nil {
			d.speakerSide = publisherCountry(doc.URL)
		}
		if title == nil {
			return
		}
	}
	if title == nil {
		return
	}
	persons := titlePersons(doc.Title, *title)
	d.byTitle = map[string]string{}
	for _, p := range persons {
		label := d.personName(p.name, p.title, 0)
		if _, taken := d.byTitle[Key(p.title)]; !taken {
			d.byTitle[Key(p.title)] = label
		}
		if !slices.Contains(d.leaders, label) && !p.staff {
			d.leaders = append(d.leaders, label)
		}
	}
	if d.speaker != "" {
		return // a proclamation's formula said who speaks
	}
	lower := strings.ToLower(doc.Title)
	for _, v := range singleVoice {
		if !strings.HasPrefix(lower, v) || len(persons) == 0 {
			continue
		}
		if d.parties == nil {
			d.speakerSide = publisherCountry(doc.URL)
		}
		if !strings.HasPrefix(strings.TrimSpace(lower[len(v):]), "the ") {
			// Not "Statement of the President on the NATO Summit and
			// Call with President Zelenskyy": the one that is from goes
			// unnamed, and is not the one it names.
			d.speaker = d.byTitle[Key(persons[0].title)]
		}
		return
	}
}

// titleCase writes a name in capitals as a name: "JOSEPH R. BIDEN JR." is
// "Joseph R. Biden Jr.".
func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if len(w) > 1 && !strings.HasSuffix(w, ".") || len(w) > 3 {
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}

// readTurn notes whose turn in a transcript sentence text is, if it is a
// turn's mark: a name in capitals the line opened with before its colon
// ("THE PRESIDENT:  Well, thank you." reaches us as "THE PRESIDENT" and
// its sentence), or the press's "Q". The mark names the speaker's own turn
// ("THE PRESIDENT" in remarks by the President, or the speaker's surname)
// or someone else's, whose "I" and "we" are not the speaker's nor the
// speaker's country's ("MS. BARRA: … we provide the locomotive engines"
// is General Motors). A turn lasts until the next.
func (d *docState) readTurn(text string, colon bool) {
	if d.speaker == "" {
		return
	}
	mark := strings.TrimSpace(text)
	switch {
	case colon && len(mark) > 1 && len(mark) <= 40 && strings.ToUpper(mark) == mark && strings.ContainsFunc(mark, unicode.IsLetter):
	case mark == "Q" || strings.HasPrefix(mark, "Q ") || strings.HasPrefix(mark, "Q\u00a0"):
		mark = "Q"
	default:
		return
	}
	d.otherTurn = !d.speaks(mark)
}

// speaks reports whether a turn's mark names the document's speaker: by
// the title the document gives the speaker ("THE PRESIDENT") or by
// surname ("PRESIDENT BIDEN").
func (d *docState) speaks(mark string) bool {
	k := strings.TrimPrefix(Key(mark), "the ")
	if who, ok := d.byTitle[k]; ok && who == d.speaker {
		return true
	}
	for _, w := range strings.Fields(k) {
		if w == Key(surname(d.speaker)) {
			return true
		}
	}
	return false
}
