package extract

import (
	"strings"
	"testing"

	"github.com/kgraph/kgraph/nlp"
)

// TestSurface checks the clause rules on hand-built parses, so that they
// are tested apart from the parser: each spec is "word/UPOS/head/deprel
// [/lemma]" items (see sentence), each wanted tuple "relation | arg1 | arg2 …".
func TestSurface(t *testing.T) {
	tests := []struct {
		name string
		spec string
		xpos map[int]string // Penn tags the rule needs, by word index
		glue []int          // words written with no space before them, by index
		want []string
	}{
		// Clause types, as in ClausIE.
		{
			name: "SV alone says nothing CaRB can score",
			spec: "Prices/NOUN/2/nsubj/price rose/VERB/0/root/rise ./PUNCT/2/punct",
			want: nil,
		},
		{
			name: "SVO with coordinated objects",
			spec: "The/DET/2/det sides/NOUN/3/nsubj/side reaffirmed/VERB/0/root/reaffirm the/DET/5/det vision/NOUN/3/obj ,/PUNCT/7/punct values/NOUN/5/conj",
			want: []string{"reaffirmed | The sides | the vision", "reaffirmed | The sides | values"},
		},
		{
			name: "no longer negates, and stays in the relation",
			spec: "Borrowers/NOUN/5/nsubj/borrower will/AUX/5/aux no/ADV/4/advmod longer/ADV/5/advmod see/VERB/0/root/see their/PRON/7/nmod:poss loans/NOUN/5/obj/loan ./PUNCT/5/punct",
			want: []string{"will no longer see | Borrowers | their loans"},
		},
		{
			name: "a hyphenated word's second part is no apposition of its first",
			spec: "We/PRON/2/nsubj fund/VERB/0/root COVID/PROPN/2/obj -/PUNCT/6/punct 19/NUM/6/nummod programs/NOUN/3/appos",
			glue: []int{3, 4},
			want: []string{"fund | We | COVID-19 programs"},
		},
		{
			name: "a heading with a hyphenated word says nothing",
			spec: "COVID/NOUN/0/root -/PUNCT/4/punct 19/NUM/4/nummod Training/NOUN/1/appos",
			glue: []int{1, 2},
			want: nil,
		},
		{
			name: "conjoined predicate nominals share the copula and its subject",
			spec: "She/PRON/4/nsubj has/AUX/4/aux been/AUX/4/cop mother/NOUN/0/root ,/PUNCT/6/punct educator/NOUN/4/conj ,/PUNCT/9/punct and/CCONJ/9/cc trustee/NOUN/4/conj",
			want: []string{"has been | She | mother", "has been | She | educator", "has been | She | trustee"},
		},
		{
			name: "a noun conjoined with a predicate adjective shares no copula",
			spec: "It/PRON/3/nsubj is/AUX/3/cop open/ADJ/0/root and/CCONJ/5/cc dialogue/NOUN/3/conj",
			want: []string{"is | It | open"},
		},
		{
			name: "SVC with an adjective",
			spec: "The/DET/2/det attack/NOUN/4/nsubj is/AUX/4/cop unacceptable/ADJ/0/root",
			want: []string{"is | The attack | unacceptable"},
		},
		{
			name: "SVC with a noun",
			spec: "Yoon/PROPN/4/nsubj is/AUX/4/cop the/DET/4/det president/NOUN/0/root",
			want: []string{"is | Yoon | the president"},
		},
		{
			name: "SVOO keeps the recipient as a further argument",
			spec: "Seoul/PROPN/2/nsubj gave/VERB/0/root/give Kyiv/PROPN/2/iobj aid/NOUN/2/obj",
			want: []string{"gave | Seoul | aid | Kyiv"},
		},
		{
			name: "prevent X from V-ing: X is the one who does not",
			spec: "Costs/NOUN/2/nsubj/cost prevented/VERB/0/root/prevent firms/NOUN/2/obj/firm from/SCONJ/5/mark reaching/VERB/2/advcl/reach markets/NOUN/5/obj/market",
			xpos: map[int]string{4: "VBG"},
			want: []string{"prevented | Costs | firms", "reaching | firms | markets"},
		},
		{
			name: "SVOC keeps the complement as a further argument",
			spec: "They/PRON/2/nsubj elected/VERB/0/root/elect him/PRON/2/obj president/NOUN/2/xcomp",
			want: []string{"elected | They | him | president"},
		},
		{
			name: "SVA: the preposition joins the relation",
			spec: "Alliance/PROPN/2/nsubj serves/VERB/0/root/serve as/ADP/5/case the/DET/5/det linchpin/NOUN/2/obl",
			want: []string{"serves as | Alliance | the linchpin"},
		},
		{
			name: "SVOA: the adverbial is a further argument",
			spec: "He/PRON/2/nsubj put/VERB/0/root the/DET/4/det book/NOUN/2/obj on/ADP/7/case the/DET/7/det table/NOUN/2/obl",
			want: []string{"put | He | the book | on the table"},
		},
		{
			name: "time and place are further arguments",
			spec: "Tom/PROPN/2/nsubj joined/VERB/0/root/join the/DET/4/det railway/NOUN/2/obj at/ADP/6/case Kettering/PROPN/2/obl in/ADP/8/case 1941/NUM/2/obl",
			want: []string{"joined | Tom | the railway | at Kettering | in 1941"},
		},
		// Coordination.
		{
			name: "coordinated verbs share the subject",
			spec: "Seoul/PROPN/2/nsubj signed/VERB/0/root/sign the/DET/4/det pact/NOUN/2/obj and/CCONJ/6/cc ratified/VERB/2/conj/ratify it/PRON/6/obj",
			want: []string{"signed | Seoul | the pact", "ratified | Seoul | it"},
		},
		{
			name: "coordinated subjects",
			spec: "Boats/NOUN/4/nsubj/boat and/CCONJ/3/cc ships/NOUN/1/conj/ship have/VERB/0/root holds/NOUN/4/obj/hold",
			want: []string{"have | Boats | holds", "have | ships | holds"},
		},
		// Verb groups.
		{
			name: "passive with agent",
			spec: "The/DET/2/det text/NOUN/4/nsubj:pass was/AUX/4/aux:pass released/VERB/0/root/release by/ADP/6/case Seoul/PROPN/4/obl:agent",
			want: []string{"was released by | The text | Seoul"},
		},
		{
			name: "negation and modality",
			spec: "Seoul/PROPN/4/nsubj will/AUX/4/aux not/PART/4/advmod develop/VERB/0/root weapons/NOUN/4/obj",
			want: []string{"will not develop | Seoul | weapons"},
		},
		{
			name: "an adverb inside the verb group joins the relation",
			spec: "Boats/NOUN/3/nsubj/boat typically/ADV/3/advmod have/VERB/0/root holds/NOUN/3/obj/hold",
			want: []string{"typically have | Boats | holds"},
		},
		{
			name: "a sentence adverb stays out",
			spec: "However/ADV/4/advmod ,/PUNCT/1/punct Seoul/PROPN/4/nsubj signed/VERB/0/root/sign it/PRON/4/obj",
			want: []string{"signed | Seoul | it"},
		},
		{
			name: "open complement folds into the relation",
			spec: "Both/DET/2/det sides/NOUN/3/nsubj/side pledged/VERB/0/root/pledge to/PART/5/mark deepen/VERB/3/xcomp/deepen consultations/NOUN/5/obj",
			want: []string{"pledged to deepen | Both sides | consultations"},
		},
		{
			name: "a chain of open complements folds whole",
			spec: "They/PRON/3/nsubj also/ADV/3/advmod pledged/VERB/0/root/pledge to/PART/5/mark continue/VERB/3/xcomp/continue expanding/VERB/5/xcomp/expand measures/NOUN/6/obj/measure",
			want: []string{"also pledged to continue expanding | They | measures"},
		},
		{
			name: "a verb coordinated with a folded complement shares its prefix",
			spec: "Both/DET/2/det sides/NOUN/3/nsubj/side pledged/VERB/0/root/pledge to/PART/5/mark deepen/VERB/3/xcomp/deepen talks/NOUN/5/obj/talk and/CCONJ/9/cc further/ADV/9/advmod enhance/VERB/5/conj/enhance visibility/NOUN/9/obj",
			want: []string{"pledged to deepen | Both sides | talks", "pledged to further enhance | Both sides | visibility"},
		},
		{
			name: "an adjective's open complement folds too",
			spec: "Soldiers/NOUN/3/nsubj/soldier were/AUX/3/cop/be able/ADJ/0/root to/PART/5/mark reinforce/VERB/3/xcomp/reinforce the/DET/7/det hotel/NOUN/5/obj",
			want: []string{"were able to reinforce | Soldiers | the hotel"},
		},
		{
			name: "light verb: the noun joins the relation",
			spec: "They/PRON/2/nsubj expressed/VERB/0/root/express concern/NOUN/2/obj over/ADP/5/case tests/NOUN/3/nmod/test",
			want: []string{"expressed concern over | They | tests"},
		},
		{
			name: "a full verb keeps its object whole",
			spec: "They/PRON/2/nsubj reaffirmed/VERB/0/root/reaffirm commitment/NOUN/2/obj to/ADP/5/case defense/NOUN/3/nmod",
			want: []string{"reaffirmed | They | commitment to defense"},
		},
		// Clausal complements.
		{
			name: "complement clause: attribution and the clause's own fact",
			spec: "Seoul/PROPN/2/nsubj affirmed/VERB/0/root/affirm that/SCONJ/6/mark resolve/NOUN/6/nsubj is/AUX/6/cop strong/ADJ/2/ccomp",
			want: []string{"affirmed that | Seoul | resolve is strong", "is | resolve | strong"},
		},
		{
			name: "a copula whose predicate is a clause",
			spec: "The/DET/2/det reason/NOUN/7/nsubj:outer is/AUX/7/cop that/SCONJ/7/mark prices/NOUN/7/nsubj:pass/price were/AUX/7/aux:pass/be cut/VERB/0/root/cut",
			want: []string{"is | The reason | prices were cut"},
		},
		// Relative clauses, appositions, participles, possessives.
		{
			name: "relative clause takes its antecedent",
			spec: "the/DET/2/det forum/NOUN/0/root that/PRON/4/nsubj strengthens/VERB/2/acl:relcl/strengthen deterrence/NOUN/4/obj",
			want: []string{"strengthens | the forum | deterrence"},
		},
		{
			name: "relative clause on a predicate nominal is about the subject and leaves the argument",
			spec: "Celeski/PROPN/3/nsubj is/AUX/3/cop footballer/NOUN/0/root who/PRON/5/nsubj plays/VERB/3/acl:relcl/play for/ADP/7/case Jets/PROPN/5/obl",
			want: []string{"is | Celeski | footballer", "plays for | Celeski | Jets"},
		},
		{
			name: "relative pronoun the parser hung on the verb",
			spec: "It/PRON/3/nsubj:pass was/AUX/3/aux:pass rejected/VERB/0/root/reject by/ADP/5/case Muslims/PROPN/3/obl:agent ,/PUNCT/8/punct who/PRON/8/nsubj maintain/VERB/3/parataxis it/PRON/8/obj",
			want: []string{"was rejected by | It | Muslims", "maintain | Muslims | it"},
		},
		{
			name: "an extraposed relative clause takes the subject it follows",
			spec: "No/DET/2/det actions/NOUN/4/nsubj:pass/action be/AUX/4/aux:pass taken/VERB/0/root/take that/PRON/7/nsubj could/AUX/7/aux undermine/VERB/4/ccomp/undermine peace/NOUN/7/obj",
			xpos: map[int]string{4: "WDT"},
			want: []string{"be taken | No actions | that could undermine peace", "could undermine | No actions | peace"},
		},
		{
			name: "antecedent in an of-phrase is the whole phrase",
			spec: "a/DET/2/det total/NOUN/0/root of/ADP/4/case issues/NOUN/2/nmod/issue spanning/VERB/4/acl/span years/NOUN/5/obj/year",
			xpos: map[int]string{4: "VBG"},
			want: []string{"be spanning | a total of issues | years"},
		},
		{
			name: "participial modifier with its be",
			spec: "a/DET/2/det tank/NOUN/0/root founded/VERB/2/acl/found in/ADP/5/case Lausanne/PROPN/3/obl",
			xpos: map[int]string{2: "VBN"},
			want: []string{"be founded in | a tank | Lausanne"},
		},
		{
			name: "a main verb tagged as a participle stays active",
			spec: "The/DET/2/det sides/NOUN/0/root/side reaffirmed/VERB/2/acl/reaffirm the/DET/5/det vision/NOUN/3/obj",
			xpos: map[int]string{2: "VBN"},
			want: []string{"reaffirmed | The sides | the vision"},
		},
		// Parse repairs.
		{
			name: "a sentence-initial participle phrase is no second subject",
			spec: "Building/NOUN/7/nsubj on/ADP/4/case this/DET/4/det progress/NOUN/1/nmod ,/PUNCT/6/punct Ministers/NOUN/7/nsubj pledged/VERB/0/root/pledge to/PART/9/mark continue/VERB/7/xcomp efforts/NOUN/9/obj/effort",
			xpos: map[int]string{6: "VBD"},
			want: []string{"Building on | Ministers | this progress", "pledged to continue | Ministers | efforts"},
		},
		{
			name: "a hyphenated participle compound modifies the noun after it",
			spec: "They/PRON/2/nsubj backed/VERB/0/root/back ASEAN/PROPN/2/obj -/PUNCT/5/punct led/VERB/2/parataxis/lead mechanisms/NOUN/5/obj/mechanism",
			xpos: map[int]string{4: "VBN"},
			glue: []int{3, 4},
			want: []string{"backed | They | ASEAN-led mechanisms"},
		},
		{
			name: "a past verb tagged as an adjective is the verb, with its infinitive",
			spec: "The/DET/2/det Ministers/NOUN/3/nsubj noted/VERB/0/root/note progress/NOUN/3/obj and/CCONJ/6/cc committed/ADJ/3/conj to/PART/8/mark ensure/VERB/6/advcl readiness/NOUN/8/obj",
			xpos: map[int]string{2: "VBD", 5: "JJ"},
			want: []string{"noted | The Ministers | progress", "committed to ensure | The Ministers | readiness"},
		},
		{
			name: "a noun coordinated with the verb joins the object",
			spec: "They/PRON/2/nsubj reaffirmed/VERB/0/root/reaffirm the/DET/4/det vision/NOUN/2/obj ,/PUNCT/6/punct values/NOUN/2/conj/value",
			want: []string{"reaffirmed | They | the vision", "reaffirmed | They | values"},
		},
		{
			name: "a bare past verb after a present-tense complement shares the reporting verb's subject",
			spec: "Both/DET/2/det sides/NOUN/3/nsubj/side affirmed/VERB/0/root/affirm that/SCONJ/7/mark resolve/NOUN/7/nsubj is/AUX/7/cop/be deterrent/NOUN/3/ccomp and/CCONJ/9/cc pledged/VERB/7/conj/pledge to/PART/11/mark coordinate/VERB/9/xcomp in/ADP/13/case crises/NOUN/11/obl/crisis",
			xpos: map[int]string{2: "VBD", 8: "VBD"},
			want: []string{"affirmed that | Both sides | resolve is deterrent", "is | resolve | deterrent", "pledged to coordinate in | Both sides | crises"},
		},
		{
			name: "a modal verb after a past reporting verb continues the reported clause",
			spec: "Seoul/PROPN/2/nsubj reiterated/VERB/0/root/reiterate that/SCONJ/7/mark any/DET/5/det attack/NOUN/7/nsubj is/AUX/7/cop/be unacceptable/ADJ/2/ccomp and/CCONJ/10/cc will/AUX/10/aux result/VERB/2/conj in/ADP/12/case collapse/NOUN/10/obl",
			xpos: map[int]string{1: "VBD"},
			want: []string{"reiterated that | Seoul | any attack is unacceptable and will result in collapse", "is | any attack | unacceptable", "will result in | any attack | collapse"},
		},
		{
			name: "a second complement with its own that is a second object",
			spec: "Both/DET/2/det sides/NOUN/3/nsubj/side affirmed/VERB/0/root/affirm that/SCONJ/6/mark law/NOUN/6/nsubj applies/VERB/3/ccomp/apply and/CCONJ/11/cc that/SCONJ/11/mark attacks/NOUN/11/nsubj/attack could/AUX/11/aux matter/VERB/6/conj",
			xpos: map[int]string{2: "VBD"},
			want: []string{"affirmed that | Both sides | law applies", "affirmed that | Both sides | attacks could matter"},
		},
		{
			name: "the phrase after an attitude noun completes the relation",
			spec: "Both/DET/2/det sides/NOUN/3/nsubj/side expressed/VERB/0/root/express their/PRON/5/nmod:poss opposition/NOUN/3/obj to/ADP/8/case any/DET/8/det attempts/NOUN/3/obl/attempt",
			want: []string{"expressed their opposition to | Both sides | any attempts"},
		},
		{
			name: "an infinitive after a noun that takes one completes the noun",
			spec: "They/PRON/2/nsubj opposed/VERB/0/root/oppose attempts/NOUN/2/obj/attempt to/PART/5/mark change/VERB/2/advcl borders/NOUN/5/obj/border",
			want: []string{"opposed | They | attempts to change borders"},
		},
		{
			name: "an in-gerund after the object completes the object noun",
			spec: "They/PRON/2/nsubj emphasized/VERB/0/root/emphasize the/DET/4/det importance/NOUN/2/obj of/ADP/6/case platforms/NOUN/4/nmod in/SCONJ/8/mark promoting/VERB/2/advcl/promote peace/NOUN/8/obj",
			xpos: map[int]string{7: "VBG"},
			want: []string{"emphasized | They | the importance of platforms in promoting peace"},
		},
		{
			name: "as well as joins the second object to the first across its modifiers",
			spec: "They/PRON/2/nsubj reaffirmed/VERB/0/root/reaffirm commitment/NOUN/2/obj to/ADP/5/case peace/NOUN/2/obl ,/PUNCT/10/punct as/ADV/10/cc well/ADV/7/fixed as/ADP/7/fixed support/NOUN/5/conj for/ADP/12/case Ukraine/PROPN/10/nmod",
			want: []string{"reaffirmed | They | commitment to peace", "reaffirmed | They | support for Ukraine"},
		},
		{
			name: "an infinitive of purpose is a further argument",
			spec: "They/PRON/2/nsubj expanded/VERB/0/root/expand drills/NOUN/2/obj/drill to/PART/5/mark ensure/VERB/2/advcl readiness/NOUN/5/obj",
			want: []string{"expanded | They | drills | to ensure readiness", "ensure | They | readiness"},
		},
		{
			name: "a relative clause after a quoted title refers to the title",
			spec: "They/PRON/2/nsubj applauded/VERB/0/root/applaud the/DET/5/det “/PUNCT/5/punct Guidelines/PROPN/2/obj for/ADP/7/case Deterrence/PROPN/5/nmod ”/PUNCT/2/punct ,/PUNCT/2/punct which/PRON/11/nsubj represents/VERB/2/parataxis/represent progress/NOUN/11/obj",
			xpos: map[int]string{9: "WDT"},
			want: []string{"applauded | They | the “ Guidelines for Deterrence", "represents | the “ Guidelines for Deterrence | progress"},
		},
		{
			name: "a subject hung on a sentence-initial participle as its apposition is the subject",
			spec: "Drawing/NOUN/8/nsubj on/ADP/4/case this/DET/4/det work/NOUN/1/nmod ,/PUNCT/7/punct the/DET/7/det Ministers/NOUN/1/appos agreed/VERB/0/root/agree to/PART/10/mark expand/VERB/8/xcomp drills/NOUN/10/obj/drill",
			xpos: map[int]string{7: "VBD"},
			want: []string{"Drawing on | the Ministers | this work", "agreed to expand | the Ministers | drills"},
		},
		{
			name: "an -ing noun with its article keeps its apposition",
			spec: "The/DET/2/det building/NOUN/7/nsubj ,/PUNCT/5/punct a/DET/5/det tower/NOUN/2/appos ,/PUNCT/5/punct dominates/VERB/0/root/dominate the/DET/9/det skyline/NOUN/7/obj",
			xpos: map[int]string{6: "VBZ"},
			want: []string{"dominates | The building , a tower | the skyline", "is | The building | a tower"},
		},
		{
			name: "a hyphenated participle compound whose first part the parser took for the argument",
			spec: "They/PRON/2/nsubj renewed/VERB/0/root/renew their/PRON/4/nmod:poss support/NOUN/2/obj for/ADP/6/case UN/PROPN/4/nmod -/PUNCT/6/punct backed/VERB/9/amod/back programs/NOUN/2/obl/program",
			xpos: map[int]string{7: "VBN"},
			glue: []int{6, 7},
			want: []string{"renewed | They | their support for UN-backed programs"},
		},
		{
			name: "a singular verb rules out a plural second subject after or",
			spec: "Any/DET/2/det attack/NOUN/10/nsubj on/ADP/5/case the/DET/5/det city/NOUN/2/nmod or/CCONJ/8/cc its/PRON/8/nmod:poss ports/NOUN/2/conj/port is/AUX/10/cop/be unacceptable/ADJ/0/root",
			xpos: map[int]string{7: "NNS", 8: "VBZ"},
			want: []string{"is | Any attack on the city or its ports | unacceptable"},
		},
		{
			name: "a plural verb leaves coordinated subjects alone",
			spec: "The/DET/2/det mayor/NOUN/8/nsubj of/ADP/4/case Busan/PROPN/2/nmod and/CCONJ/6/cc officials/NOUN/2/conj/official are/AUX/8/cop/be ready/ADJ/0/root",
			xpos: map[int]string{5: "NNS", 6: "VBP"},
			want: []string{"are | The mayor of Busan | ready", "are | officials | ready"},
		},
		{
			name: "an adjective that starts a bare noun phrase after a relative pronoun is the verb",
			spec: "They/PRON/2/nsubj condemned/VERB/0/root/condemn raids/NOUN/2/obj/raid near/ADP/6/case the/DET/6/det border/NOUN/3/nmod that/DET/9/det inflame/ADJ/9/amod tension/NOUN/3/nmod",
			xpos: map[int]string{7: "JJ"},
			want: []string{"condemned | They | raids near the border", "inflame | raids near the border | tension"},
		},
		{
			name: "an adjective that starts a bare noun phrase in a verbless sentence is the verb",
			spec: "The/DET/3/det new/ADJ/3/amod tariffs/NOUN/0/root/tariff inflame/ADJ/5/amod tension/NOUN/3/nmod ./PUNCT/3/punct",
			xpos: map[int]string{1: "JJ", 3: "JJ"},
			want: []string{"inflame | The new tariffs | tension"},
		},
		{
			name: "a quantifying adjective after that is no verb",
			spec: "They/PRON/2/nsubj condemned/VERB/0/root/condemn raids/NOUN/2/obj/raid that/DET/6/det other/ADJ/6/amod states/NOUN/3/nmod/state",
			xpos: map[int]string{4: "JJ"},
			want: []string{"condemned | They | raids that other states"},
		},
		{
			name: "an infinitive after an activity noun is the purpose of the verb",
			spec: "Seoul/PROPN/2/nsubj expanded/VERB/0/root/expand cooperation/NOUN/2/obj to/PART/5/mark counter/VERB/3/acl threats/NOUN/5/obj/threat",
			want: []string{"expanded | Seoul | cooperation | to counter threats", "counter | Seoul | threats"},
		},
		{
			name: "an infinitive after a noun of means stays on the noun",
			spec: "They/PRON/2/nsubj found/VERB/0/root/find solutions/NOUN/2/obj/solution to/PART/5/mark ease/VERB/3/acl congestion/NOUN/5/obj",
			want: []string{"found | They | solutions to ease congestion", "ease | solutions | congestion"},
		},
		{
			name: "a capitalized conjunction before a comma ends a name",
			spec: "Fans/NOUN/2/nsubj/fan watched/VERB/0/root/watch Disney/PROPN/2/obj Plus/CCONJ/6/cc ,/PUNCT/4/punct laughing/VERB/2/conj/laugh",
			want: []string{"watched | Fans | Disney Plus"},
		},
		{
			name: "a series of gerunds after one preposition stays together",
			spec: "They/PRON/2/nsubj praised/VERB/0/root/praise the/DET/4/det role/NOUN/2/obj of/ADP/6/case agencies/NOUN/4/nmod/agency in/ADP/8/case planning/VERB/2/obl/plan ,/PUNCT/10/punct funding/VERB/2/advcl/fund ,/PUNCT/13/punct and/CCONJ/13/cc running/VERB/10/conj/run programs/NOUN/13/obj/program",
			xpos: map[int]string{7: "VBG", 9: "VBG", 12: "VBG"},
			want: []string{"praised | They | the role of agencies", "running | They | programs"},
		},
		{
			name: "a verb taken for a preposition continues a series of verb phrases",
			spec: "They/PRON/2/nsubj pledged/VERB/0/root/pledge to/PART/4/mark deepen/VERB/2/xcomp talks/NOUN/4/obj/talk ,/PUNCT/9/punct further/ADV/9/advmod bolster/ADP/9/case ties/NOUN/4/obl/tie",
			xpos: map[int]string{1: "VBD", 3: "VB"},
			want: []string{"pledged to deepen | They | talks", "pledged to bolster | They | ties"},
		},
		{
			name: "a real preposition after a comma stays one",
			spec: "They/PRON/2/nsubj pledged/VERB/0/root/pledge to/PART/4/mark deepen/VERB/2/xcomp talks/NOUN/4/obj/talk ,/PUNCT/8/punct within/ADP/8/case limits/NOUN/4/obl/limit",
			xpos: map[int]string{1: "VBD", 3: "VB"},
			want: []string{"pledged to deepen | They | talks | within limits"},
		},
		{
			name: "a hyphenated word split into two objects is one",
			spec: "They/PRON/2/nsubj expanded/VERB/0/root/expand war/NOUN/2/obj -/PUNCT/6/punct game/NOUN/6/compound drills/NOUN/2/obj/drill",
			glue: []int{3, 4},
			want: []string{"expanded | They | war-game drills"},
		},
		{
			name: "a phrase opening with and is a conjunct of the phrase before it",
			spec: "It/PRON/3/nsubj:pass was/AUX/3/aux:pass approved/VERB/0/root/approve by/ADP/6/case President/PROPN/6/nmod:desc Moon/PROPN/3/obl:agent and/CCONJ/8/cc President/PROPN/9/nmod:desc Abe/PROPN/3/obj",
			want: []string{"was approved by | It | President Moon", "was approved by | It | President Abe", "is | Moon | President", "is | Abe | President"},
		},
		{
			name: "a preconjunction does not join its phrase to the one before",
			spec: "Porter/PROPN/2/nsubj praised/VERB/0/root/praise the/DET/4/det plan/NOUN/2/obj either/CCONJ/6/cc:preconj cost/NOUN/4/nmod or/CCONJ/8/cc focus/NOUN/6/conj",
			want: []string{"praised | Porter | the plan either cost or focus"},
		},
		{
			name: "apposition",
			spec: "Yoon/PROPN/0/root ,/PUNCT/4/punct the/DET/4/det president/NOUN/1/appos",
			want: []string{"is | Yoon | the president"},
		},
		{
			name: "possessive",
			spec: "King/PROPN/3/nmod:poss 's/PART/1/case grandmother/NOUN/4/nsubj/grandmother died/VERB/0/root/die in/ADP/6/case 1990/NUM/4/obl",
			want: []string{"died in | King 's grandmother | 1990", "has | King | grandmother"},
		},
		{
			name: "a pronoun owner gives no possessive",
			spec: "His/PRON/2/nmod:poss works/NOUN/3/nsubj/work span/VERB/0/root topics/NOUN/3/obj/topic",
			want: []string{"span | His works | topics"},
		},
		{
			name: "a title before a name",
			spec: "It/PRON/3/nsubj:pass was/AUX/3/aux:pass endorsed/VERB/0/root/endorse by/ADP/6/case President/PROPN/6/nmod:desc Biden/PROPN/3/obl:agent",
			want: []string{"was endorsed by | It | President Biden", "is | Biden | President"},
		},
		{
			name: "coordinated adjectives the parser split off their noun",
			spec: "They/PRON/2/nsubj discussed/VERB/0/root/discuss implications/NOUN/2/obj/implication for/ADP/5/case diplomatic/ADJ/3/nmod and/CCONJ/8/cc defense/NOUN/8/compound cooperation/NOUN/3/conj",
			want: []string{"discussed | They | implications for diplomatic and defense cooperation"},
		},
		{
			name: "a bracketed acronym gives no is-tuple",
			spec: "They/PRON/2/nsubj signed/VERB/0/root/sign the/DET/4/det Treaty/PROPN/2/obj (/PUNCT/6/punct MDT/PROPN/4/appos )/PUNCT/6/punct",
			want: []string{"signed | They | the Treaty ( MDT )"},
		},
		{
			name: "quotes stay balanced",
			spec: "It/PRON/3/nsubj:pass is/AUX/3/aux:pass called/VERB/0/root/call ``/PUNCT/5/punct Curtis/PROPN/3/xcomp ''/PUNCT/5/punct",
			want: []string{"is called | It | `` Curtis ''"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, s := sentence(t, tt.spec)
			for i, x := range tt.xpos {
				s.Words[i].XPOS = x
			}
			if len(tt.glue) > 0 {
				text, s = glue(text, s, tt.glue)
			}
			var got []string
			for _, e := range surface(text, newParse(s)) {
				got = append(got, e.Relation+" | "+strings.Join(e.Args, " | "))
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("got\n%s\nwant\n%s", g, w)
			}
		})
	}
}

// TestSurface_fields checks what the tuple keeps beside its words.
func TestSurface_fields(t *testing.T) {
	text, s := sentence(t, "Seoul/PROPN/4/nsubj will/AUX/4/aux not/PART/4/advmod develop/VERB/0/root weapons/NOUN/4/obj in/ADP/7/case May/PROPN/4/obl")
	ts := newParse(s).tuples()
	if len(ts) != 1 {
		t.Fatalf("got %d tuples, want 1", len(ts))
	}
	tu := ts[0]
	if !tu.negated || tu.modality != "will" {
		t.Errorf("negated %v modality %q, want true \"will\"", tu.negated, tu.modality)
	}
	if len(tu.extra) != 1 || tu.extra[0].role != "time" {
		t.Errorf("extra %+v, want one time argument", tu.extra)
	}
	if got := newParse(s).text(text, tu.relWords); got != "will not develop" {
		t.Errorf("relation %q, want \"will not develop\"", got)
	}
}

// TestConfidence checks that the score ranks what the dev data says it
// should: a root clause over a deeply embedded one, a clause over a
// possessive read as "has", and that it stays a probability.
func TestConfidence(t *testing.T) {
	_, s := sentence(t, "King/PROPN/3/nmod:poss 's/PART/1/case grandmother/NOUN/4/nsubj/grandmother signed/VERB/0/root/sign the/DET/6/det pact/NOUN/4/obj that/PRON/8/nsubj ended/VERB/6/acl:relcl/end wars/NOUN/8/obj/war")
	p := newParse(s)
	conf := map[string]float64{}
	for _, tu := range append(p.tuples(), p.possessives()...) {
		c := confidence(p, tu)
		if c <= 0 || c >= 1 {
			t.Errorf("%s: confidence %v out of (0, 1)", tu.kind, c)
		}
		conf[tu.kind] = c
	}
	if !(conf["root"] > conf["acl:relcl"] && conf["acl:relcl"] > conf["poss"]) {
		t.Errorf("want root > acl:relcl > poss, got %v", conf)
	}
}

// TestConfidence_purpose checks that a purpose infinitive, which borrows
// its subject and which CaRB's gold seldom writes, ranks below its main
// clause.
func TestConfidence_purpose(t *testing.T) {
	_, s := sentence(t, "They/PRON/2/nsubj expanded/VERB/0/root/expand drills/NOUN/2/obj/drill to/PART/5/mark ensure/VERB/2/advcl/ensure readiness/NOUN/5/obj")
	p := newParse(s)
	ts := p.tuples()
	if len(ts) != 2 || ts[0].kind != "root" || ts[1].kind != "advcl" {
		t.Fatalf("got %+v, want a root and an advcl tuple", ts)
	}
	if main, purpose := confidence(p, ts[0]), confidence(p, ts[1]); purpose >= main {
		t.Errorf("purpose clause %v, main clause %v: want the purpose clause lower", purpose, main)
	}
}

// glue rewrites a test sentence so that the words at the given indexes
// follow the word before them with no space: "ASEAN-led".
func glue(text string, s nlp.Sentence, idx []int) (string, nlp.Sentence) {
	joined := map[int]bool{}
	for _, i := range idx {
		joined[i] = true
	}
	var b strings.Builder
	for i := range s.Words {
		w := &s.Words[i]
		if i > 0 && !joined[i] {
			b.WriteByte(' ')
		}
		word := text[w.Start:w.End]
		w.Start = b.Len()
		b.WriteString(word)
		w.End = b.Len()
	}
	s.End = b.Len()
	return b.String(), s
}
