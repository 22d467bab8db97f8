package schema

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Republic of Korea", "republic-of-korea"},
		{"U.S.-ROK Alliance", "u-s-rok-alliance"},
		{"People's Republic of China", "peoples-republic-of-china"},
		{"Miriam Calderón", "miriam-calderon"},
		{"Martínez", "martinez"},
		{"Zelenskyy", "zelenskyy"},
		{"대한민국", "대한민국"},
		{"$", "_"},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShown(t *testing.T) {
	tests := []struct{ label, typ, text, want string }{
		{"implementation", TypeConcept, "the continued implementation of commitments", "continued implementation of commitments"},
		{"economic ties", TypeConcept, "our  strong economic ties", "strong economic ties"},
		{"economic ties", TypeConcept, "", "economic ties"},
		{"Republic of Korea", TypeCountry, "the ROK", "Republic of Korea"},
		{"Joseph Biden", TypePerson, "President Biden", "Joseph Biden"},
	}
	for _, tt := range tests {
		if got := Shown(tt.label, tt.typ, tt.text); got != tt.want {
			t.Errorf("Shown(%q, %q, %q) = %q, want %q", tt.label, tt.typ, tt.text, got, tt.want)
		}
	}
}
