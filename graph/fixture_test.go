package graph

import "github.com/kgraph/kgraph/schema"

// The test documents: two documents, a negated fact, an unresolved fact,
// aliases from the text and from the gazetteer, a person with a title and
// an affiliation.

func docResult() schema.Result {
	text := "The United States reaffirmed its commitment to the Republic of Korea (ROK).\n" +
		"The ROK will not develop nuclear weapons.\n" +
		"Both sides agreed to expand cooperation."
	return schema.Result{
		Document: schema.Document{ID: "doc", Title: "Joint Statement", Date: "2023-04-26", URL: "https://example.org/doc", Text: text},
		Sentences: []schema.Sentence{
			{N: 1, Text: "The United States reaffirmed its commitment to the Republic of Korea (ROK).", Start: 0, End: 75},
			{N: 2, Text: "The ROK will not develop nuclear weapons.", Start: 76, End: 117, Mentions: []string{"Republic of Korea"}},
			{N: 3, Text: "Both sides agreed to expand cooperation.", Start: 118, End: 158},
		},
		Entities: []schema.Entity{
			{Label: "United States", Type: schema.TypeCountry, Aliases: []schema.Alias{{Name: "U.S.", Sentence: 0}}},
			{Label: "Republic of Korea", Type: schema.TypeCountry, Aliases: []schema.Alias{{Name: "ROK", Sentence: 1}}},
			{Label: "nuclear weapons", Type: schema.TypeConcept},
			{Label: "cooperation", Type: schema.TypeConcept},
		},
		Facts: []schema.Fact{
			{Subject: "United States", Predicate: "reaffirm", Object: "Republic of Korea", Sentence: 1, Confidence: 0.9,
				Relation: "reaffirmed", SubjectText: "The United States", ObjectText: "the Republic of Korea"},
			{Subject: "Republic of Korea", Predicate: "develop", Object: "nuclear weapons", Sentence: 2, Confidence: 0.8,
				Negated: true, Modality: "will", Relation: "will not develop", SubjectText: "The ROK", ObjectText: "nuclear weapons"},
			{Subject: "both sides", Predicate: "expand", Object: "cooperation", Sentence: 3, Confidence: 0.5,
				Relation: "agreed to expand", SubjectText: "Both sides", ObjectText: "cooperation", Unresolved: true},
		},
	}
}

// docResultV2 is a new version of "doc": other text, other facts.
func docResultV2() schema.Result {
	text := "The United States supports the Republic of Korea."
	return schema.Result{
		Document:  schema.Document{ID: "doc", Title: "Joint Statement", Text: text},
		Sentences: []schema.Sentence{{N: 1, Text: text, Start: 0, End: len(text)}},
		Entities: []schema.Entity{
			{Label: "United States", Type: schema.TypeCountry},
			{Label: "Republic of Korea", Type: schema.TypeCountry},
		},
		Facts: []schema.Fact{
			{Subject: "United States", Predicate: "support", Object: "Republic of Korea", Sentence: 1, Confidence: 0.85,
				Relation: "supports", SubjectText: "The United States", ObjectText: "the Republic of Korea", Time: "now"},
		},
	}
}

func otherResult() schema.Result {
	text := "Secretary Blinken met\tPresident Yoon in Seoul on Tuesday."
	return schema.Result{
		Document:  schema.Document{ID: "other", Title: "Readout", Text: text},
		Sentences: []schema.Sentence{{N: 1, Text: text, Start: 0, End: len(text)}},
		Entities: []schema.Entity{
			{Label: "Antony Blinken", Type: schema.TypePerson, Titles: []string{"U.S. Secretary of State"},
				Affiliations: []string{"United States"}, Aliases: []schema.Alias{{Name: "Blinken", Sentence: 1}}},
			{Label: "Yoon Suk Yeol", Type: schema.TypePerson},
		},
		Facts: []schema.Fact{
			{Subject: "Antony Blinken", Predicate: "meet", Object: "Yoon Suk Yeol", Sentence: 1, Confidence: 0.7,
				Relation: "met", SubjectText: "Secretary Blinken", ObjectText: "President\tYoon",
				Place: "in Seoul", Time: "on Tuesday", Extra: []string{"at the summit"}},
		},
	}
}
