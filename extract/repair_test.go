package extract

import (
	"strings"
	"testing"
)

// TestRepair checks the parse repairs on hand-built parses shaped as the
// embedded parser gets them wrong, apart from the parser itself. Each
// wanted arc is "dependent relation head" by word (ROOT for none); the
// words an arc names must be unique in the sentence.
func TestRepair(t *testing.T) {
	tests := []struct {
		name string
		spec string
		xpos map[int]string // Penn tags the repair needs, by word index from 0
		want []string
	}{
		{
			name: "participles in series before their noun modify it",
			spec: "A/DET/3/det domestically/ADV/3/advmod owned/VERB/8/nsubj and/CCONJ/5/cc operated/VERB/3/conj steel/NOUN/7/compound industry/NOUN/5/obj represents/VERB/0/root priority/NOUN/8/obj",
			xpos: map[int]string{2: "VBN", 4: "VBN"},
			want: []string{"industry nsubj represents", "owned amod industry", "operated conj owned", "A det industry"},
		},
		{
			name: "a name's post in a verbless list line is its apposition",
			spec: "Robert/PROPN/0/root Valdez/PROPN/1/flat ,/PUNCT/4/punct Nominee/PROPN/1/list for/ADP/6/case Secretary/PROPN/1/nmod",
			want: []string{"Nominee appos Robert", "Secretary nmod Nominee"},
		},
		{
			name: "a participle with an object under a verbless root is the verb",
			spec: "One/NUM/3/nummod central/ADJ/3/amod fact/NOUN/0/root informed/VERB/3/acl this/DET/6/det convening/NOUN/4/obj ./PUNCT/3/punct",
			xpos: map[int]string{3: "VBN"},
			want: []string{"informed root ROOT", "fact nsubj informed", "convening obj informed", ". punct informed"},
		},
		{
			name: "the name set off after the root is the participle's subject",
			spec: "The/DET/2/det director/NOUN/0/root ,/PUNCT/4/punct Brennan/PROPN/2/appos ,/PUNCT/6/punct previewed/VERB/4/acl System/PROPN/6/obj ./PUNCT/2/punct",
			xpos: map[int]string{5: "VBN"},
			want: []string{"previewed root ROOT", "Brennan nsubj previewed", "director appos Brennan", "System obj previewed"},
		},
		{
			name: "the complement of a post after a name completes the post",
			spec: "Nickolas/PROPN/0/root Guertin/PROPN/1/flat ,/PUNCT/4/punct Nominee/PROPN/1/appos for/ADP/6/case Director/NOUN/1/nmod",
			want: []string{"Director nmod Nominee", "Nominee appos Nickolas"},
		},
		{
			name: "a day read as the object says when",
			spec: "Energy/PROPN/2/nsubj announced/VERB/0/root Tuesday/PROPN/2/iobj that/SCONJ/6/mark it/PRON/6/nsubj release/VERB/2/ccomp oil/NOUN/6/obj",
			want: []string{"Tuesday obl:tmod announced", "release ccomp announced"},
		},
		{
			name: "adjectives coordinated before their noun, the first read as the head",
			spec: "We/PRON/2/nsubj condemn/VERB/0/root the/DET/4/det senseless/ADJ/2/obj ,/PUNCT/6/punct cowardly/ADV/4/advmod ,/PUNCT/10/punct and/CCONJ/10/cc brutal/ADJ/10/amod attack/NOUN/4/conj on/ADP/12/case civilians/NOUN/4/nmod",
			want: []string{"attack obj condemn", "senseless amod attack", "cowardly amod attack", "the det attack", "civilians nmod attack"},
		},
		{
			name: "the noun of an adjective series hung on a conjunct adjective",
			spec: "They/PRON/2/nsubj discussed/VERB/0/root the/DET/4/det deep/ADJ/2/obj ,/PUNCT/6/punct enduring/VERB/4/conj ,/PUNCT/10/punct and/CCONJ/10/cc comprehensive/ADJ/10/amod partnership/NOUN/6/conj",
			xpos: map[int]string{5: "VBG"},
			want: []string{"partnership obj discussed", "deep amod partnership", "enduring amod partnership"},
		},
		{
			name: "a word tagged an adjective coordinated with a noun stays a conjunct",
			spec: "They/PRON/2/nsubj receive/VERB/0/root both/CCONJ/4/cc:preconj candy/ADJ/2/obj and/CCONJ/6/cc books/NOUN/4/conj",
			want: []string{"books conj candy", "candy obj receive"},
		},
		{
			name: "an adjective said of the object keeps its conjuncts",
			spec: "They/PRON/2/nsubj make/VERB/0/root our/PRON/4/nmod:poss economy/NOUN/2/obj stronger/ADJ/2/xcomp ,/PUNCT/8/punct and/CCONJ/8/cc equity/NOUN/5/conj",
			want: []string{"equity conj stronger", "stronger xcomp make"},
		},
		{
			name: "an -ing clause after a name the verb governs is the subject's",
			spec: "Sullivan/PROPN/2/nsubj spoke/VERB/0/root with/ADP/4/case Zayed/PROPN/2/obl ,/PUNCT/6/punct expressing/VERB/4/acl appreciation/NOUN/6/obj",
			xpos: map[int]string{5: "VBG"},
			want: []string{"expressing advcl spoke"},
		},
		{
			name: "a subject's participle read as the main verb",
			spec: "Those/PRON/2/nsubj endorsing/VERB/0/root the/DET/4/det Declaration/NOUN/2/obj include/VERB/2/xcomp Albania/PROPN/5/obj ./PUNCT/2/punct",
			xpos: map[int]string{1: "VBG", 4: "VBP"},
			want: []string{"include root ROOT", "Those nsubj include", "endorsing acl Those", "Declaration obj endorsing", "Albania obj include", ". punct include"},
		},
		{
			name: "an -ing form ending a list of nouns is the list's item",
			spec: "They/PRON/2/nsubj offer/VERB/0/root materials/NOUN/2/obj ,/PUNCT/5/punct supplies/NOUN/3/conj ,/PUNCT/8/punct and/CCONJ/8/cc reporting/VERB/2/conj",
			xpos: map[int]string{1: "VBP", 7: "VBG"},
			want: []string{"reporting conj materials"},
		},
		{
			name: "after an -ing verb a second -ing form stays its conjunct",
			spec: "They/PRON/2/nsubj keep/VERB/0/root increasing/VERB/2/xcomp data/NOUN/3/obj ,/PUNCT/6/punct rules/NOUN/4/conj and/CCONJ/8/cc ensuring/VERB/3/conj sampling/NOUN/8/obj",
			xpos: map[int]string{1: "VBP", 2: "VBG", 7: "VBG"},
			want: []string{"ensuring conj increasing"},
		},
		{
			name: "a plural list after a recipient goes on the recipient",
			spec: "They/PRON/2/nsubj provide/VERB/0/root funding/NOUN/2/obj to/ADP/5/case states/NOUN/3/nmod ,/PUNCT/8/punct tribal/ADJ/8/amod nations/NOUN/3/conj and/CCONJ/10/cc cities/NOUN/3/conj",
			xpos: map[int]string{2: "NN", 4: "NNS", 7: "NNS", 9: "NNS"},
			want: []string{"nations conj states", "cities conj states"},
		},
		{
			name: "what 'as well as' adds stays on the head",
			spec: "It/PRON/2/nsubj ends/VERB/0/root treatment/NOUN/2/obj for/ADP/5/case investments/NOUN/3/nmod as/CCONJ/9/cc well/ADV/6/fixed as/ADP/6/fixed preferences/NOUN/3/conj",
			xpos: map[int]string{2: "NN", 4: "NNS", 8: "NNS"},
			want: []string{"preferences conj treatment"},
		},
		{
			name: "a progressive keeps its verb",
			spec: "They/PRON/3/nsubj are/AUX/3/aux endorsing/VERB/0/root it/PRON/3/obj",
			xpos: map[int]string{2: "VBG"},
			want: []string{"endorsing root ROOT"},
		},
		{
			name: "an -ing clause after a common noun stays the noun's",
			spec: "Sullivan/PROPN/2/nsubj met/VERB/0/root workers/NOUN/2/obj ,/PUNCT/5/punct building/VERB/3/acl ships/NOUN/5/obj",
			xpos: map[int]string{4: "VBG"},
			want: []string{"building acl workers"},
		},
		{
			name: "a list item read as an apposition of the first is a conjunct",
			spec: "through/ADP/2/case Agreements/PROPN/0/root ,/PUNCT/5/punct Benefit/NOUN/5/compound Accords/NOUN/2/appos ,/PUNCT/7/punct recognition/NOUN/2/conj ,/PUNCT/10/punct and/CCONJ/10/cc neutrality/NOUN/2/conj",
			want: []string{"Accords conj Agreements"},
		},
		{
			name: "a title said of a person in a list of persons stays an apposition",
			spec: "Klein/PROPN/6/nsubj ,/PUNCT/3/punct Assistant/PROPN/1/appos ,/PUNCT/5/punct and/CCONJ/5/cc Tanden/PROPN/1/conj met/VERB/0/root",
			want: []string{"Assistant appos Klein"},
		},
		{
			name: "an indefinite description after a title's organization describes the organization",
			spec: "Ray/PROPN/4/nsubj is/AUX/4/cop the/DET/4/det President/PROPN/0/root of/ADP/6/case Group/PROPN/4/nmod ,/PUNCT/9/punct a/DET/9/det consultancy/NOUN/4/appos",
			want: []string{"consultancy appos Group"},
		},
		{
			name: "the later verbs of an infinitive series hung on the main verb",
			spec: "He/PRON/2/nsubj signed/VERB/0/root legislation/NOUN/2/obj to/PART/5/mark rebuild/VERB/3/acl roads/NOUN/5/obj ,/PUNCT/8/punct create/VERB/2/parataxis jobs/NOUN/8/obj",
			xpos: map[int]string{4: "VB", 7: "VB"},
			want: []string{"create conj rebuild", ", punct create"},
		},
		{
			name: "an infinitive series divided by semicolons, its last item hung on a clause inside the one before",
			spec: "Biden/PROPN/3/nsubj is/AUX/3/aux calling/VERB/0/root on/ADP/5/case Congress/PROPN/3/obl to/PART/7/mark bolster/VERB/3/advcl ties/NOUN/7/obj ;/PUNCT/10/punct create/VERB/3/parataxis an/DET/12/det office/NOUN/10/obj to/PART/14/mark monitor/VERB/12/acl capacity/NOUN/14/obj ;/PUNCT/18/punct and/CCONJ/18/cc establish/VERB/10/conj hubs/NOUN/18/obj",
			xpos: map[int]string{2: "VBG", 6: "VB", 9: "VB", 13: "VB", 17: "VB"},
			want: []string{"create conj bolster", "establish conj bolster", "monitor acl office"},
		},
		{
			name: "a gerund series begun inside a participle, its later gerunds hung on the main verb",
			spec: "Officials/NOUN/2/nsubj joined/VERB/0/root talks/NOUN/2/obj focused/VERB/3/acl on/SCONJ/6/mark raising/VERB/4/advcl wages/NOUN/6/obj ,/PUNCT/9/punct cutting/VERB/2/advcl costs/NOUN/9/obj ,/PUNCT/13/punct and/CCONJ/13/cc ending/VERB/9/conj waste/NOUN/13/obj",
			xpos: map[int]string{3: "VBN", 5: "VBG", 8: "VBG", 12: "VBG"},
			want: []string{"cutting conj raising", "raising advcl focused"},
		},
		{
			name: "a lone gerund after a gerund inside a participle is the main verb's",
			spec: "Officials/NOUN/2/nsubj praised/VERB/0/root plans/NOUN/2/obj focused/VERB/3/acl on/SCONJ/6/mark raising/VERB/4/advcl wages/NOUN/6/obj ,/PUNCT/9/punct noting/VERB/2/advcl costs/NOUN/9/obj",
			xpos: map[int]string{3: "VBN", 5: "VBG", 8: "VBG"},
			want: []string{"noting advcl praised"},
		},
		{
			name: "a verb with a subject of its own after an infinitive stays",
			spec: "He/PRON/2/nsubj signed/VERB/0/root legislation/NOUN/2/obj to/PART/5/mark rebuild/VERB/3/acl roads/NOUN/5/obj ,/PUNCT/9/punct we/PRON/9/nsubj create/VERB/2/parataxis jobs/NOUN/9/obj",
			xpos: map[int]string{4: "VB", 8: "VB"},
			want: []string{"create parataxis signed"},
		},
		{
			name: "a title's first words read as the head, the title and name an apposition",
			spec: "efforts/NOUN/0/root of/ADP/3/case Majority/NOUN/1/nmod Leader/PROPN/3/appos Schumer/PROPN/4/flat",
			want: []string{"Leader nmod efforts", "Majority compound Leader", "of case Leader", "Schumer flat Leader"},
		},
		{
			name: "office words joined by and inside one title",
			spec: "They/PRON/2/nsubj included/VERB/0/root National/ADJ/4/amod Security/PROPN/2/obj and/CCONJ/7/cc Intelligence/PROPN/7/compound Advisor/PROPN/4/conj Jody/PROPN/7/flat",
			want: []string{"Advisor obj included", "Security compound Advisor", "Intelligence conj Security", "and cc Intelligence"},
		},
		{
			name: "a country before and is no part of the next title",
			spec: "work/NOUN/0/root of/ADP/3/case UAE/PROPN/1/nmod and/CCONJ/6/cc President/PROPN/6/compound Sheikh/PROPN/3/conj Mohamed/PROPN/6/flat",
			want: []string{"Sheikh conj UAE", "UAE nmod work"},
		},
		{
			name: "an object that opens with a preposition is an oblique",
			spec: "Biden/PROPN/2/nsubj spoke/VERB/0/root with/ADP/5/case Prime/ADJ/5/amod Boris/PROPN/6/compound Johnson/PROPN/2/obj",
			want: []string{"Johnson obl spoke", "with case Johnson"},
		},
		{
			name: "a complement clause without that, split into an object and a clause beside the main verb",
			spec: "laws/NOUN/2/nsubj advance/VERB/0/root commitment/NOUN/2/obj to/PART/5/mark ensure/VERB/3/acl workers/NOUN/5/obj have/VERB/2/parataxis access/NOUN/7/obj",
			xpos: map[int]string{4: "VB", 6: "VBP"},
			want: []string{"have ccomp ensure", "workers nsubj have"},
		},
		{
			name: "a verb with a subject of its own after an object stays",
			spec: "We/PRON/2/nsubj ensure/VERB/0/root access/NOUN/2/obj ,/PUNCT/6/punct they/PRON/6/nsubj say/VERB/2/parataxis",
			xpos: map[int]string{5: "VBP"},
			want: []string{"say parataxis ensure", "access obj ensure"},
		},
		{
			name: "a noun and its participle read as a clausal subject",
			spec: "No/DET/2/det family/NOUN/3/nsubj making/VERB/6/csubj money/NOUN/3/obj will/AUX/6/aux pay/VERB/0/root",
			xpos: map[int]string{2: "VBG"},
			want: []string{"family nsubj pay", "making acl family"},
		},
		{
			name: "a participle after a comma goes with the clause, not the relative clause before it",
			spec: "Plan/PROPN/2/nsubj lowered/VERB/0/root premiums/NOUN/2/obj for/ADP/5/case Americans/PROPN/3/nmod who/PRON/7/nsubj buy/VERB/5/acl:relcl coverage/NOUN/7/obj ,/PUNCT/10/punct saving/VERB/7/advcl families/NOUN/10/obj",
			xpos: map[int]string{9: "VBG"},
			want: []string{"saving advcl lowered"},
		},
		{
			name: "a gerund series whose first gerund has an object",
			spec: "talks/NOUN/0/root focused/VERB/1/acl on/SCONJ/4/mark strengthening/VERB/2/advcl ties/NOUN/4/obj ,/PUNCT/7/punct improving/VERB/2/advcl consultation/NOUN/7/obj",
			xpos: map[int]string{3: "VBG", 6: "VBG"},
			want: []string{"improving conj strengthening"},
		},
		{
			name: "a past participle modifying the noun after it, read as a coordinated verb",
			spec: "team/NOUN/2/nsubj works/VERB/0/root with/ADP/4/case Department/PROPN/2/obl of/ADP/6/case Justice/PROPN/4/nmod and/CCONJ/8/cc affected/VERB/2/conj agencies/NOUN/8/obj",
			xpos: map[int]string{7: "VBN"},
			want: []string{"agencies conj Department", "affected amod agencies", "and cc agencies"},
		},
		{
			name: "a verb after a semicolon joins the series, not the phrase before",
			spec: "Plan/PROPN/3/nsubj will/AUX/3/aux reduce/VERB/0/root delays/NOUN/3/obj ;/PUNCT/6/punct help/VERB/3/conj shops/NOUN/6/obj reach/VERB/6/xcomp customers/NOUN/8/obj ;/PUNCT/13/punct and/CCONJ/13/cc Main/PROPN/13/obj enable/VERB/8/conj",
			xpos: map[int]string{2: "VB", 5: "VB", 7: "VB", 12: "VB"},
			want: []string{"enable conj reduce"},
		},
		{
			name: "a verb after a semicolon with a subject of its own stays",
			spec: "Plan/PROPN/2/nsubj helps/VERB/0/root shops/NOUN/4/nsubj reach/VERB/2/ccomp customers/NOUN/4/obj ;/PUNCT/8/punct and/CCONJ/8/cc they/PRON/8/nsubj grow/VERB/4/conj",
			xpos: map[int]string{1: "VBZ", 3: "VB", 8: "VBP"},
			want: []string{"grow conj reach"},
		},
		{
			name: "a name with and inside it is one name",
			spec: "the/DET/3/det U.S./PROPN/3/compound Innovation/PROPN/8/nsubj and/CCONJ/5/cc Competition/PROPN/3/conj Act/PROPN/3/conj would/AUX/8/aux make/VERB/0/root investments/NOUN/8/obj",
			want: []string{"Act nsubj make", "Innovation compound Act", "Competition compound Act", "and flat Act", "the det Act"},
		},
		{
			name: "two names of their kind stay two",
			spec: "the/DET/2/det Department/PROPN/5/nsubj and/CCONJ/4/cc Agency/PROPN/2/conj met/VERB/0/root",
			want: []string{"Agency conj Department", "Department nsubj met"},
		},
		{
			name: "a body's on phrase goes on with its name",
			spec: "They/PRON/2/nsubj convened/VERB/0/root the/DET/5/det Working/PROPN/5/compound Group/PROPN/2/obj on/ADP/7/case Coal/PROPN/2/obl",
			want: []string{"Coal nmod Group"},
		},
		{
			name: "a capitalized on phrase after a named body continues its name",
			spec: "House/PROPN/2/nsubj launched/VERB/0/root a/DET/5/det Task/PROPN/5/compound Force/PROPN/2/obj on/ADP/7/case Infrastructure/PROPN/2/obl",
			want: []string{"Infrastructure nmod Force"},
		},
		{
			name: "an on phrase that says when stays with the verb",
			spec: "They/PRON/2/nsubj briefed/VERB/0/root the/DET/4/det Council/PROPN/2/obj on/ADP/6/case Monday/PROPN/2/obl",
			want: []string{"Monday obl briefed"},
		},
		{
			name: "a title right before a name is the name's",
			spec: "Office/NOUN/9/nsubj of/ADP/4/case Personnel/PROPN/4/compound Management/NOUN/1/nmod ,/PUNCT/6/punct Director/NOUN/4/appos Kiran/PROPN/6/appos Ahuja/PROPN/7/flat spoke/VERB/0/root",
			want: []string{"Kiran appos Management", "Director compound Kiran"},
		},
		{
			name: "a past participle after a verb stays a verb",
			spec: "They/PRON/2/nsubj met/VERB/0/root and/CCONJ/4/cc signed/VERB/2/conj agreements/NOUN/4/obj",
			xpos: map[int]string{3: "VBN"},
			want: []string{"signed conj met", "agreements obj signed"},
		},
		{
			name: "a conjunct inside a name's of phrase",
			spec: "the/DET/2/det Department/PROPN/0/root of/ADP/4/case Health/PROPN/2/nmod and/CCONJ/7/cc Human/ADJ/7/amod Services/NOUN/2/conj",
			want: []string{"Services conj Health", "and cc Services"},
		},
		{
			name: "a second name with its own determiner stays a conjunct of the first",
			spec: "the/DET/2/det Department/PROPN/0/root of/ADP/4/case Justice/PROPN/2/nmod and/CCONJ/7/cc the/DET/7/det Treasury/PROPN/2/conj",
			want: []string{"Treasury conj Department"},
		},
		{
			name: "a coordinated subject split into two subjects",
			spec: "The/DET/3/det United/ADJ/3/amod States/PROPN/7/nsubj and/CCONJ/7/cc the/DET/6/det ROK/PROPN/7/nsubj underscored/VERB/0/root the/DET/9/det importance/NOUN/7/obj",
			want: []string{"ROK conj States", "and cc ROK"},
		},
		{
			name: "a full conjunct joins the nearest full phrase",
			spec: "any/DET/2/det attack/NOUN/10/nsubj against/ADP/5/case the/DET/5/det States/PROPN/2/nmod or/CCONJ/10/cc its/PRON/8/nmod:poss allies/NOUN/10/nsubj is/AUX/10/cop unacceptable/ADJ/0/root",
			want: []string{"allies conj States", "or cc allies"},
		},
		{
			name: "between takes both conjuncts",
			spec: "this/DET/3/det military/ADJ/3/amod cooperation/NOUN/9/nsubj between/ADP/5/case Russia/PROPN/3/nmod and/CCONJ/9/cc the/DET/8/det DPRK/NOUN/9/nsubj constitutes/VERB/0/root",
			want: []string{"DPRK conj Russia"},
		},
		{
			name: "a conjunct hung inside the name it coordinates with",
			spec: "the/DET/2/det Governments/NOUN/0/root of/ADP/6/case the/DET/6/det United/ADJ/6/amod States/PROPN/2/nmod of/ADP/8/case America/PROPN/6/nmod and/CCONJ/11/cc the/DET/11/det Republic/PROPN/8/conj of/ADP/13/case Korea/PROPN/11/nmod",
			want: []string{"Republic conj States"},
		},
		{
			name: "a coordinated subject read as a noun root",
			spec: "The/DET/5/det DPRK/NOUN/5/nmod:poss human/ADJ/4/amod rights/NOUN/5/compound violations/NOUN/0/root and/CCONJ/9/cc abuses/NOUN/9/nsubj:pass were/AUX/9/aux:pass linked/VERB/5/conj with/ADP/12/case its/PRON/12/nmod:poss programs/NOUN/9/obl ./PUNCT/5/punct",
			want: []string{"linked root ROOT", "violations nsubj:pass linked", "abuses conj violations", "and cc abuses", ". punct linked"},
		},
		{
			name: "an -ing adjective read as a verb in a list of nouns",
			spec: "The/DET/2/det sides/NOUN/3/nsubj reaffirmed/VERB/0/root the/DET/5/det vision/NOUN/3/obj ,/PUNCT/8/punct and/CCONJ/8/cc unwavering/VERB/5/conj commitment/NOUN/8/obj to/ADP/11/case Treaty/PROPN/8/obl",
			xpos: map[int]string{7: "VBG"},
			want: []string{"commitment conj vision", "unwavering amod commitment", "Treaty nmod commitment", "and cc commitment"},
		},
		{
			name: "the last item of a comma list hung on the verb",
			spec: "They/PRON/2/nsubj reaffirmed/VERB/0/root their/PRON/4/nmod:poss commitment/NOUN/2/obj to/ADP/6/case mechanisms/NOUN/4/nmod such/ADJ/9/case as/ADP/7/fixed Summit/PROPN/6/nmod ,/PUNCT/11/punct Forum/PROPN/9/conj ,/PUNCT/14/punct and/CCONJ/14/cc Meeting/NOUN/2/conj ,/PUNCT/16/punct emphasizing/VERB/14/conj importance/NOUN/16/obj",
			xpos: map[int]string{15: "VBG"},
			want: []string{"Meeting conj Summit", "emphasizing conj reaffirmed"},
		},
		{
			name: "a list without commas does not take an item after a comma",
			spec: "They/PRON/2/nsubj upheld/VERB/0/root law/NOUN/2/obj including/VERB/5/case freedom/NOUN/3/nmod of/ADP/7/case navigation/NOUN/5/nmod and/CCONJ/9/cc overflight/NOUN/7/conj ,/PUNCT/12/punct and/CCONJ/12/cc resolution/NOUN/2/conj",
			want: []string{"resolution conj law"},
		},
		{
			name: "the last gerund of a series hung on the verb",
			spec: "Both/DET/2/det sides/NOUN/3/nsubj recognized/VERB/0/root the/DET/5/det role/NOUN/3/obj in/ADP/7/case managing/VERB/3/obl ,/PUNCT/9/punct implementing/VERB/7/conj ,/PUNCT/12/punct and/CCONJ/12/cc enforcing/VERB/3/conj the/DET/14/det terms/NOUN/12/obj",
			xpos: map[int]string{6: "VBG", 8: "VBG", 11: "VBG"},
			want: []string{"enforcing conj managing", "in mark managing"},
		},
		{
			name: "a name doing what the verb welcomes, read as one noun phrase",
			spec: "They/PRON/2/nsubj welcomed/VERB/0/root the/DET/7/det U.S./PROPN/5/compound Navy/PROPN/6/compound certifying/VERB/7/amod shipyards/NOUN/2/obj",
			xpos: map[int]string{5: "VBG"},
			want: []string{"Navy obj welcomed", "the det Navy", "certifying xcomp welcomed", "shipyards obj certifying"},
		},
		{
			name: "a gerund tagged as a noun heads a clause",
			spec: "Building/NOUN/6/advcl on/ADP/4/case this/DET/4/det progress/NOUN/1/nmod ,/PUNCT/1/punct they/PRON/7/nsubj pledged/VERB/0/root",
			want: []string{"progress obl Building"},
		},
		{
			name: "a singled-out example is about the noun right before it",
			spec: "Japan/PROPN/2/nsubj expressed/VERB/0/root concern/NOUN/2/obj over/ADP/6/case provocative/ADJ/6/amod actions/NOUN/3/nmod ,/PUNCT/11/punct particularly/ADV/11/advmod the/DET/11/det military/ADJ/11/amod drills/NOUN/3/appos",
			want: []string{"drills appos actions"},
		},
		{
			name: "a verb taken for a preposition, its object joined to the list before",
			spec: "Both/DET/2/det sides/NOUN/3/nsubj pledged/VERB/0/root to/PART/5/mark deepen/VERB/3/xcomp consultations/NOUN/5/obj ,/PUNCT/10/punct further/ADV/10/advmod enhance/ADP/10/case visibility/NOUN/6/conj",
			want: []string{"enhance conj deepen", "visibility obj enhance", "further advmod enhance", ", punct enhance"},
		},
		{
			name: "a word hung on a punctuation mark",
			spec: "Activities/NOUN/2/nsubj include/VERB/0/root :/PUNCT/2/punct review/NOUN/3/appos of/ADP/6/case data/NOUN/4/nmod",
			want: []string{"review obj include"},
		},
		{
			name: "the speaker of a quotation inversion and the title",
			spec: "Prices/NOUN/2/nsubj fell/VERB/4/ccomp ,/PUNCT/4/punct said/VERB/0/root/say Jacob/PROPN/10/nsubj Dreyer/PROPN/5/flat ,/PUNCT/10/punct the/DET/9/det institute/NOUN/10/nmod:poss economist/NOUN/4/ccomp",
			want: []string{"Jacob nsubj said", "economist appos Jacob", "fell ccomp said"},
		},
		{
			name: "the speaker of a quotation inversion read as the object",
			spec: "Prices/NOUN/2/nsubj fell/VERB/4/ccomp ,/PUNCT/2/punct said/VERB/0/root/say Mr./PROPN/6/nmod:desc Mills/PROPN/4/obj",
			want: []string{"Mills nsubj said"},
		},
		{
			name: "the subject hung on a sentence-initial clause",
			spec: "Excluding/VERB/7/advcl/exclude editions/NOUN/1/obj ,/PUNCT/5/punct the/DET/5/det Ram/PROPN/1/appos ,/PUNCT/5/punct came/VERB/0/root/come",
			want: []string{"Ram nsubj came", "Excluding advcl came"},
		},
		{
			name: "a reporting verb hung on the clause it reports",
			spec: "The/DET/2/det Ministers/PROPN/4/nsubj also/ADV/4/advmod recognized/VERB/8/advcl the/DET/6/det Alliance/PROPN/8/nsubj has/AUX/8/aux evolved/VERB/0/root ./PUNCT/8/punct",
			xpos: map[int]string{3: "VBN"},
			want: []string{"recognized root ROOT", "evolved ccomp recognized", ". punct recognized"},
		},
		{
			name: "a verb read as an adjective after a compound with a determiner",
			spec: "The/DET/4/det recent/ADJ/4/amod military/ADJ/4/amod drills/NOUN/6/compound escalate/ADJ/6/amod tension/NOUN/0/root ./PUNCT/6/punct",
			xpos: map[int]string{4: "JJ"},
			want: []string{"escalate root ROOT", "drills nsubj escalate", "tension obj escalate", ". punct escalate"},
		},
		{
			name: "a sentence read as a noun phrase with its verb a clause inside it",
			spec: "The/DET/2/det number/NOUN/0/root of/ADP/4/case ones/NOUN/2/nmod equals/VERB/4/acl the/DET/7/det total/NOUN/5/obj ./PUNCT/2/punct",
			xpos: map[int]string{4: "VBZ"},
			want: []string{"equals root ROOT", "number nsubj equals", "total obj equals", ". punct equals"},
		},
		{
			name: "a verb read as an adjective on its object in a noun root",
			spec: "Declining/VERB/2/amod issues/NOUN/0/root outnumbered/VERB/4/amod gainers/NOUN/2/nmod ./PUNCT/2/punct",
			xpos: map[int]string{2: "VBD"},
			want: []string{"outnumbered root ROOT", "issues nsubj outnumbered", "gainers obj outnumbered"},
		},
		{
			name: "the subject hung as an apposition inside an opening phrase",
			spec: "During/ADP/2/case celebrations/NOUN/8/obl in/ADP/4/case November/PROPN/2/nmod ,/PUNCT/7/punct Haile/PROPN/7/compound Selassie/PROPN/4/appos introduced/VERB/0/root a/DET/10/det constitution/NOUN/8/obj",
			xpos: map[int]string{7: "VBD"},
			want: []string{"Selassie nsubj introduced", "celebrations obl introduced"},
		},
		{
			name: "an opening phrase read as the subject, the subject its apposition",
			spec: "According/VERB/3/case to/ADP/1/fixed information/NOUN/9/nsubj ,/PUNCT/6/punct the/DET/6/det Maoists/PROPN/3/appos have/AUX/9/aux well/ADV/9/advmod established/VERB/0/root linkages/NOUN/9/obj",
			want: []string{"Maoists nsubj established", "information obl established"},
		},
		{
			name: "a reported clause read as a relative clause on the phrase before it",
			spec: "Alexander/PROPN/2/nsubj said/VERB/0/root/say after/ADP/5/case this/DET/5/det incident/NOUN/2/obl that/SCONJ/10/mark he/PRON/10/nsubj had/AUX/10/aux been/AUX/10/cop lucky/ADJ/5/acl:relcl",
			xpos: map[int]string{6: "PRP"},
			want: []string{"lucky ccomp said", "incident obl said"},
		},
		{
			name: "a reported clause without that read as a relative clause on the listener",
			spec: "Rifenburgh/PROPN/2/nsubj told/VERB/0/root/tell analysts/NOUN/2/iobj he/PRON/6/nsubj is/AUX/6/aux moving/VERB/3/acl:relcl",
			xpos: map[int]string{3: "PRP"},
			want: []string{"moving ccomp told", "analysts iobj told"},
		},
		{
			name: "a relative clause on the listener keeps its relative pronoun",
			spec: "Rifenburgh/PROPN/2/nsubj told/VERB/0/root/tell analysts/NOUN/2/iobj who/PRON/5/nsubj work/VERB/3/acl:relcl",
			xpos: map[int]string{3: "WP"},
			want: []string{"work acl:relcl analysts"},
		},
		{
			name: "a bare participle after a noun is the noun's reduced relative",
			spec: "The/DET/2/det President/PROPN/3/nsubj asked/VERB/0/root for/ADP/5/case feedback/NOUN/3/obl on/ADP/7/case proposals/NOUN/5/nmod discussed/VERB/3/advcl in/ADP/11/case the/DET/11/det meeting/NOUN/8/obl",
			xpos: map[int]string{7: "VBN"},
			want: []string{"discussed acl proposals", "meeting obl discussed"},
		},
		{
			name: "a participle with an auxiliary of its own stays a clause",
			spec: "He/PRON/2/nsubj left/VERB/0/root the/DET/4/det room/NOUN/2/obj having/AUX/6/aux finished/VERB/2/advcl",
			xpos: map[int]string{5: "VBN"},
			want: []string{"finished advcl left"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s := sentence(t, tt.spec)
			for i, x := range tt.xpos {
				s.Words[i].XPOS = x
			}
			p := newParse(s) // repairs
			index := func(w string) int {
				at := -1
				for i := range p.s.Words {
					if p.s.Words[i].Text == w {
						if at >= 0 {
							t.Fatalf("%q is not unique in the sentence", w)
						}
						at = i
					}
				}
				if at < 0 {
					t.Fatalf("no word %q", w)
				}
				return at
			}
			for _, arc := range tt.want {
				f := strings.Fields(arc)
				d := index(f[0])
				head := "ROOT"
				if h := p.head(d); h >= 0 {
					head = p.s.Words[h].Text
				}
				if got := f[0] + " " + p.rel(d) + " " + head; got != arc {
					t.Errorf("got %q, want %q", got, arc)
				}
			}
		})
	}
}
