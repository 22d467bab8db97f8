package extract

import (
	"strings"
	"testing"
)

func TestBlankDateline(t *testing.T) {
	gaz := DefaultGazetteer()
	// want is the text left, white space aside; the length never changes.
	tests := []struct{ in, want string }{
		{"WASHINGTON – Today, the President", "Today, the President"},
		{"Intro.\nWASHINGTON, D.C. — The President", "Intro. The President"},
		// Capitals that name no place are kept: a clemency list's names.
		{"NINA SIMONA ALLEN – Jacksonville, FL", "NINA SIMONA ALLEN – Jacksonville, FL"},
		// Inside a paragraph a place and a dash are prose.
		{"We met in WASHINGTON – The talks", "We met in WASHINGTON – The talks"},
		{"no dateline", "no dateline"},
	}
	for _, tt := range tests {
		got := blankDateline(tt.in, gaz)
		if strings.Join(strings.Fields(got), " ") != tt.want {
			t.Errorf("blankDateline(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("blankDateline(%q) changed the length", tt.in)
		}
	}
}
