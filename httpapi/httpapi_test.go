package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kgraph/schema"
)

// call sends one request and returns the status, headers and body.
func call(t *testing.T, ts *httptest.Server, method, path, body string, hdr ...string) (int, http.Header, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			req.Host = hdr[i+1]
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(b)
}

const (
	dprkQuery      = `g.V().Has("<kg:alias>", "DPRK").Out("<kg:label>").All()`
	countriesQuery = `g.V().Has("<kg:type>", "<kg:t/Country>").Out("<kg:label>").All()`
)

func TestServer_Query(t *testing.T) {
	ts, _ := seedServer(t, "memstore", Config{})
	q := url.QueryEscape
	tests := []struct {
		name, method, path, body string
		code                     int
		want                     []string // in the body
		rows                     int      // -1: do not count
		truncated                bool
	}{
		{"gizmo on the documented v1 path", "POST", "/api/v1/query/gizmo", dprkQuery, 200,
			[]string{`{"result":[{"id":"Democratic People's Republic of Korea"}]}`}, 1, false},
		{"gizmo on the path Cayley registers", "POST", "/query/gizmo", dprkQuery, 200,
			[]string{`{"result":[{"id":"Democratic People's Republic of Korea"}]}`}, 1, false},
		{"gizmo on v2", "POST", "/api/v2/query?lang=gizmo", dprkQuery, 200,
			[]string{`"Democratic People's Republic of Korea"`}, 1, false},
		{"gizmo on v2 with GET", "GET", "/api/v2/query?lang=gizmo&qu=" + q(dprkQuery), "", 200,
			[]string{`"Democratic People's Republic of Korea"`}, 1, false},
		{"v2 with a limit cuts and says so", "POST", "/api/v2/query?lang=gizmo&limit=2", countriesQuery, 200,
			[]string{`"truncated":true`}, 2, true},
		{"v1 with a limit cuts and says so", "POST", "/api/v1/query/gizmo?limit=3", countriesQuery, 200,
			[]string{`"truncated":true`}, 3, true},
		{"a limit above the answer cuts nothing", "POST", "/api/v2/query?lang=gizmo&limit=500", countriesQuery, 200,
			[]string{`"United States"`, `"Japan"`}, -1, false},
		{"IRIs keep their brackets", "POST", "/query/gizmo", `g.V().Has("<kg:alias>", "DPRK").All()`, 200,
			[]string{`"id":"<kg:e/`}, -1, false},
		{"graphql", "POST", "/api/v1/query/graphql", `{ nodes(<kg:label>: "United States") { id } }`, 200,
			[]string{`{"data":{"nodes":{"id":"kg:e/united-states"}}}`}, -1, false},
		{"mql", "POST", "/query/mql", `[{"id": null, "<kg:label>": "Japan"}]`, 200,
			[]string{`"result":[{`, `"<kg:e/japan>"`}, 1, false},
		{"unknown language", "POST", "/query/sparql", "SELECT *", 400,
			[]string{`"error":"unknown query language \"sparql\"; known: gizmo, graphql, mql"`}, -1, false},
		{"a syntax error", "POST", "/api/v1/query/gizmo", "g.V(.All()", 400, []string{`"error":"gizmo query:`}, -1, false},
		{"a runtime error", "POST", "/api/v1/query/gizmo", "g.Nope()", 400, []string{`"error":`}, -1, false},
		{"v2 without a language", "POST", "/api/v2/query", dprkQuery, 400, []string{`"error":"query language not specified`}, -1, false},
		{"an empty query", "POST", "/query/gizmo", "", 400, []string{`"error":"query is empty"`}, -1, false},
		{"a bad limit", "POST", "/query/gizmo?limit=-1", dprkQuery, 400, []string{`"error":"limit=\"-1\"`}, -1, false},
		{"no such endpoint", "POST", "/api/v3/query", dprkQuery, 404, []string{`"error":"no endpoint POST /api/v3/query"`}, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, hdr, body := call(t, ts, tt.method, tt.path, tt.body)
			if code != tt.code {
				t.Fatalf("status %d, want %d: %s", code, tt.code, body)
			}
			if ct := hdr.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s:\n%.1000s", w, body)
				}
			}
			if code != 200 {
				return
			}
			var res struct {
				Result    []any
				Truncated bool
			}
			if err := json.Unmarshal([]byte(body), &res); err != nil {
				t.Fatalf("not JSON: %v", err)
			}
			if tt.rows >= 0 && len(res.Result) != tt.rows {
				t.Errorf("%d rows, want %d", len(res.Result), tt.rows)
			}
			if res.Truncated != tt.truncated || (hdr.Get("Kgraph-Truncated") == "true") != tt.truncated {
				t.Errorf("truncated %v, header %q; want %v", res.Truncated, hdr.Get("Kgraph-Truncated"), tt.truncated)
			}
		})
	}
}

// The server's cap wins over a larger ?limit=.
func TestServer_QueryLimitCap(t *testing.T) {
	ts, _ := seedServer(t, "memstore", Config{Limit: 4})
	code, hdr, body := call(t, ts, "POST", "/api/v1/query/gizmo?limit=1000", countriesQuery)
	var res struct{ Result []any }
	json.Unmarshal([]byte(body), &res)
	if code != 200 || len(res.Result) != 4 || hdr.Get("Kgraph-Limit") != "4" || hdr.Get("Kgraph-Truncated") != "true" {
		t.Errorf("status %d, %d rows, headers %v: %s", code, len(res.Result), hdr, body)
	}
}

// An endless query stops at the timeout and says why.
func TestServer_QueryTimeout(t *testing.T) {
	ts, _ := seedServer(t, "memstore", Config{Timeout: 300 * time.Millisecond})
	for _, path := range []string{"/api/v1/query/gizmo", "/api/v2/query?lang=gizmo"} {
		start := time.Now()
		code, _, body := call(t, ts, "POST", path, `while (true) {}`)
		if code != http.StatusServiceUnavailable || !strings.Contains(body, "timed out after 300ms") {
			t.Errorf("%s: status %d: %s", path, code, body)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: answered after %s", path, d)
		}
	}
	// The server still answers.
	if code, _, body := call(t, ts, "POST", "/query/gizmo", dprkQuery); code != 200 {
		t.Errorf("after the timeout: %d %s", code, body)
	}
}

func TestServer_BodyCap(t *testing.T) {
	ts, _ := seedServer(t, "memstore", Config{MaxQueryBytes: 1024, MaxWriteBytes: 2048, Token: "t0k"})
	long := dprkQuery + strings.Repeat(" ", 2000)
	for _, path := range []string{"/api/v1/query/gizmo", "/query/gizmo", "/api/v2/query?lang=gizmo"} {
		code, _, body := call(t, ts, "POST", path, long)
		if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, "query larger than 1024 bytes") {
			t.Errorf("%s: status %d: %s", path, code, body)
		}
	}
	if code, _, body := call(t, ts, "POST", "/query/gizmo", dprkQuery+strings.Repeat(" ", 900)); code != 200 {
		t.Errorf("a query under the cap: %d %s", code, body)
	}
	nq := strings.Repeat("<kg:e/a> <kg:label> \"a\" .\n", 200)
	if code, _, body := call(t, ts, "POST", "/api/kgraph/write", nq, "Authorization", "Bearer t0k"); code != http.StatusRequestEntityTooLarge {
		t.Errorf("write over the cap: %d %s", code, body)
	}
}

// Writes need the token; the token can guard reads too; a loopback server
// answers only loopback names.
func TestServer_Auth(t *testing.T) {
	quad := `<kg:e/atlantis> <kg:label> "Atlantis" .` + "\n"
	open, _ := seedServer(t, "memstore", Config{})
	guarded, _ := seedServer(t, "memstore", Config{Token: "s3cret"})
	closed, _ := seedServer(t, "memstore", Config{Token: "s3cret", TokenForReads: true, LoopbackHosts: true})
	tests := []struct {
		name   string
		ts     *httptest.Server
		method string
		path   string
		body   string
		hdr    []string
		code   int
		want   string
	}{
		{"no token set: writes off", open, "POST", "/api/kgraph/write", quad, []string{"Authorization", "Bearer x"}, 403, "writes are disabled"},
		{"no token set: extract off", open, "POST", "/api/kgraph/extract?id=a", "Text.", nil, 403, "writes are disabled"},
		{"no header", guarded, "POST", "/api/kgraph/write", quad, nil, 401, "Authorization: Bearer"},
		{"wrong token", guarded, "POST", "/api/kgraph/write", quad, []string{"Authorization", "Bearer s3cre"}, 401, "Authorization: Bearer"},
		{"not bearer", guarded, "POST", "/api/kgraph/write", quad, []string{"Authorization", "Basic czNjcmV0"}, 401, "Authorization: Bearer"},
		{"right token", guarded, "POST", "/api/kgraph/write", quad, []string{"Authorization", "Bearer s3cret"}, 200, `{"quads":1}`},
		{"reads stay open", guarded, "POST", "/query/gizmo", dprkQuery, nil, 200, "Democratic"},
		{"a bad quad", guarded, "POST", "/api/kgraph/write", "<a> <b> .\n", []string{"Authorization", "Bearer s3cret"}, 400, "import quad 1"},
		{"no extractor", guarded, "POST", "/api/kgraph/extract?id=a", "Text.", []string{"Authorization", "Bearer s3cret"}, 501, "does not extract"},
		{"reads guarded", closed, "POST", "/query/gizmo", dprkQuery, nil, 401, "Authorization: Bearer"},
		{"search guarded", closed, "GET", "/api/kgraph/search?q=DPRK", "", nil, 401, "Authorization: Bearer"},
		{"reads with the token", closed, "POST", "/query/gizmo", dprkQuery, []string{"Authorization", "Bearer s3cret"}, 200, "Democratic"},
		{"the explorer's files stay open", closed, "GET", "/", "", nil, 200, "<title>kgraph explorer</title>"},
		{"a foreign Host", closed, "GET", "/", "", []string{"Host", "evil.example:8080"}, 421, "not a loopback name"},
		{"localhost", closed, "GET", "/health", "", []string{"Host", "localhost:8080"}, 200, "ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, hdr, body := call(t, tt.ts, tt.method, tt.path, tt.body, tt.hdr...)
			if code != tt.code || !strings.Contains(body, tt.want) {
				t.Errorf("status %d, want %d; body %.300s, want %q", code, tt.code, body, tt.want)
			}
			if code == 401 && hdr.Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
	// The write took: the new entity is found.
	if _, _, body := call(t, guarded, "GET", "/api/kgraph/search?q=atl", ""); !strings.Contains(body, `"label":"Atlantis"`) {
		t.Errorf("written entity not found: %s", body)
	}
}

func TestServer_Explore(t *testing.T) {
	ts, _ := seedServer(t, "memstore", Config{})
	get := func(t *testing.T, path string, v any) int {
		t.Helper()
		code, _, body := call(t, ts, "GET", path, "")
		if code == 200 {
			if err := json.Unmarshal([]byte(body), v); err != nil {
				t.Fatalf("%s: %v\n%s", path, err, body)
			}
		}
		return code
	}
	type sugg struct {
		Result []Suggestion
	}
	t.Run("search", func(t *testing.T) {
		for _, tt := range []struct {
			q, first, matched string
			alias             bool
		}{
			{"DPRK", "Democratic People's Republic of Korea", "DPRK", true},
			{"dprk", "Democratic People's Republic of Korea", "DPRK", true},
			{"Democratic People’s", "Democratic People's Republic of Korea", "Democratic People's Republic of Korea", false},
			{"rok", "Republic of Korea", "ROK", true},
			{"Jap", "Japan", "Japan", false},
		} {
			var s sugg
			if code := get(t, "/api/kgraph/search?q="+url.QueryEscape(tt.q), &s); code != 200 || len(s.Result) == 0 {
				t.Errorf("q=%s: status %d, %+v", tt.q, code, s)
				continue
			}
			if f := s.Result[0]; f.Label != tt.first || f.Matched != tt.matched || f.Alias != tt.alias || f.Type != "Country" || f.Facts == 0 {
				t.Errorf("q=%s: first %+v", tt.q, f)
			}
		}
		var s sugg
		get(t, "/api/kgraph/search?q=korea&limit=50", &s)
		var labels []string
		for _, r := range s.Result {
			labels = append(labels, r.Label)
		}
		all := strings.Join(labels, "|")
		if !strings.Contains(all, "Republic of Korea|") || !strings.Contains(all, "Democratic People's Republic of Korea") {
			t.Errorf("q=korea finds %s", all)
		}
		if get(t, "/api/kgraph/search?q=korea&limit=1", &s); len(s.Result) != 1 {
			t.Errorf("limit 1: %d", len(s.Result))
		}
		if get(t, "/api/kgraph/search?q=zzzz", &s); s.Result == nil || len(s.Result) != 0 {
			t.Errorf("no match: %+v", s)
		}
	})
	t.Run("entity", func(t *testing.T) {
		var e struct {
			ID      string
			Label   string
			Type    string
			Aliases []string
			Facts   []struct {
				ID        string
				Subject   struct{ ID, Label string }
				Predicate struct{ Label string }
				Object    struct{ ID, Label, Type string }
				Negated   bool
				Sentence  struct {
					IRI    string
					Number int
					Text   string
				}
				Document struct{ ID, Title string }
			}
		}
		if code := get(t, "/api/kgraph/entity?label=DPRK", &e); code != 200 {
			t.Fatalf("status %d", code)
		}
		if e.Label != "Democratic People's Republic of Korea" || e.Type != "Country" || !strings.Contains(strings.Join(e.Aliases, ","), "DPRK") {
			t.Errorf("entity %s %q %q %v", e.ID, e.Label, e.Type, e.Aliases)
		}
		found := false
		for _, f := range e.Facts {
			if f.Predicate.Label == "violate" && f.Object.Label == "UNSC resolutions" {
				found = true
				if f.Sentence.Number != 32 || !strings.Contains(f.Sentence.Text, "violation of multiple UNSC resolutions") ||
					f.Document.ID != "statement" || !strings.HasPrefix(f.Document.Title, "Joint Statement") {
					t.Errorf("provenance %+v %+v", f.Sentence, f.Document)
				}
			}
		}
		if !found {
			t.Errorf("no (DPRK, violate, UNSC resolutions) among %d facts", len(e.Facts))
		}
		var byID struct{ Label string }
		if code := get(t, "/api/kgraph/entity?id="+url.QueryEscape("<"+e.ID+">"), &byID); code != 200 || byID.Label != e.Label {
			t.Errorf("by id: %d %q", code, byID.Label)
		}
		var neg struct {
			Facts []struct {
				Negated   bool
				Predicate struct{ Label string }
			}
		}
		get(t, "/api/kgraph/entity?label=nuclear%20weapons", &neg)
		if len(neg.Facts) != 1 || !neg.Facts[0].Negated {
			t.Errorf("negated fact: %+v", neg)
		}
		for _, p := range []string{"/api/kgraph/entity?label=Atlantis", "/api/kgraph/entity?id=kg:e/atlantis"} {
			if code, _, body := call(t, ts, "GET", p, ""); code != 404 || !strings.Contains(body, `"error":`) {
				t.Errorf("%s: %d %s", p, code, body)
			}
		}
		if code, _, _ := call(t, ts, "GET", "/api/kgraph/entity", ""); code != 400 {
			t.Errorf("no id: %d", code)
		}
	})
	t.Run("sentence", func(t *testing.T) {
		var s struct {
			Number   int
			Text     string
			Previous string
			Document struct{ ID, Title string }
			Facts    []struct{ Predicate struct{ Label string } }
		}
		if code := get(t, "/api/kgraph/sentence?id=kg:s/statement/32", &s); code != 200 {
			t.Fatalf("status %d", code)
		}
		if s.Number != 32 || !strings.Contains(s.Text, "UNSC resolutions") || s.Previous == "" || s.Document.ID != "statement" || len(s.Facts) == 0 {
			t.Errorf("sentence %+v", s)
		}
		if code, _, _ := call(t, ts, "GET", "/api/kgraph/sentence?id=kg:s/statement/999", ""); code != 404 {
			t.Errorf("missing sentence: %d", code)
		}
	})
	t.Run("nodes and info", func(t *testing.T) {
		var n struct {
			Result []struct{ ID, Label, Type string }
		}
		get(t, "/api/kgraph/nodes?id=%3Ckg:e/japan%3E&id=kg:s/statement/1", &n)
		if len(n.Result) != 2 || n.Result[0].Label != "Japan" || n.Result[0].Type != "Country" || n.Result[1].Label != "" {
			t.Errorf("nodes %+v", n)
		}
		var info Info
		if get(t, "/api/kgraph/info", &info); info.Entities < 50 || info.Writes || info.Limit != DefaultLimit || len(info.Languages) < 3 {
			t.Errorf("info %+v", info)
		}
	})
	t.Run("files", func(t *testing.T) {
		for _, p := range []string{"/", "/app.js", "/style.css", "/vendor/cytoscape.min.js"} {
			code, hdr, body := call(t, ts, "GET", p, "")
			if code != 200 || len(body) < 100 {
				t.Errorf("%s: %d, %d bytes", p, code, len(body))
			}
			if p == "/" && !strings.Contains(hdr.Get("Content-Security-Policy"), "default-src 'self'") {
				t.Errorf("no CSP on the page")
			}
		}
	})
}

// On a disk store every read answers while a write is under way: here an
// import that has stored its first batch and waits for the rest of its
// body.
func TestServer_ReadDuringWrite(t *testing.T) {
	ts, _ := seedServer(t, "bolt", Config{Token: "t"})
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.CloseWithError(fmt.Errorf("test over")) })
	type answer struct {
		code int
		body string
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest("POST", ts.URL+"/api/kgraph/write", pr)
		req.Header.Set("Authorization", "Bearer t")
		resp, err := ts.Client().Do(req)
		if err != nil {
			done <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		done <- answer{code: resp.StatusCode, body: string(b)}
	}()
	const first = 10000 // graph's batch size: the import writes it, then reads on
	go func() {
		for i := range first {
			fmt.Fprintf(pw, "<kg:e/w%d> <kg:label> \"w%d\" .\n", i, i)
		}
	}()

	// Each read gets 10 s: one blocked by the write would never answer.
	read := func(method, path, body string) (int, string) {
		t.Helper()
		ch := make(chan answer, 1)
		go func() {
			req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
			resp, err := ts.Client().Do(req)
			if err != nil {
				ch <- answer{err: err}
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			ch <- answer{code: resp.StatusCode, body: string(b)}
		}()
		select {
		case a := <-ch:
			if a.err != nil {
				t.Fatal(a.err)
			}
			return a.code, a.body
		case <-time.After(10 * time.Second):
			t.Fatalf("%s %s waited for the write", method, path)
			return 0, ""
		}
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if _, body := read("POST", "/query/gizmo", `g.V("<kg:e/w0>").Out("<kg:label>").All()`); strings.Contains(body, `"w0"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first batch never showed")
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, r := range []struct{ method, path, body, want string }{
		{"POST", "/api/v1/query/gizmo", dprkQuery, "Democratic"},
		{"POST", "/api/v2/query?lang=gizmo&limit=2", countriesQuery, `"truncated":true`},
		{"GET", "/api/kgraph/search?q=DPRK", "", "Democratic"},
		{"GET", "/api/kgraph/entity?label=DPRK", "", "UNSC resolutions"},
		{"GET", "/api/kgraph/sentence?id=kg:s/statement/32", "", "UNSC"},
	} {
		if code, body := read(r.method, r.path, r.body); code != 200 || !strings.Contains(body, r.want) {
			t.Errorf("%s %s during the write: %d %.200s", r.method, r.path, code, body)
		}
	}
	select {
	case a := <-done:
		t.Fatalf("the write ended early: %+v", a)
	default:
	}
	fmt.Fprintln(pw, `<kg:e/lastwritten> <kg:label> "Last written" .`)
	pw.Close()
	a := <-done
	if a.err != nil || a.code != 200 || a.body != fmt.Sprintf("{\"quads\":%d}\n", first+1) {
		t.Fatalf("write: %+v", a)
	}
	if _, body := read("GET", "/api/kgraph/search?q=last", ""); !strings.Contains(body, "Last written") {
		t.Errorf("search after the write: %s", body)
	}
}

func TestServer_Extract(t *testing.T) {
	var got []schema.Document
	fake := func(_ context.Context, doc schema.Document) (schema.Result, error) {
		got = append(got, doc)
		s := strings.TrimSpace(doc.Text)
		return schema.Result{Document: doc, Sentences: []schema.Sentence{{N: 1, Text: s, End: len(s)}},
			Entities: []schema.Entity{{Label: "Atlantis", Type: schema.TypeCountry}, {Label: "Mu", Type: schema.TypeCountry}},
			Facts:    []schema.Fact{{Subject: "Atlantis", Predicate: "welcome", Object: "Mu", Sentence: 1, Confidence: 0.7}}}, nil
	}
	ts, _ := seedServer(t, "memstore", Config{Token: "t", Extract: fake})
	auth := []string{"Authorization", "Bearer t"}
	tests := []struct {
		name, path, body string
		hdr              []string
		code             int
		want             string
	}{
		{"plain text", "/api/kgraph/extract?id=memo&title=Memo", "Atlantis welcomed Mu.", auth, 200,
			`{"document":"kg:d/memo","new":1,"replaced":0,"unchanged":0,"sentences":1,"facts":1,"entities":2,"quads":`},
		{"again: unchanged", "/api/kgraph/extract?id=memo&title=Memo", "Atlantis welcomed Mu.", auth, 200, `"unchanged":1`},
		{"JSON", "/api/kgraph/extract", `{"id":"memo2","title":"Memo 2","date":"2024-11-15","text":"Atlantis welcomed Mu again."}`,
			append([]string{"Content-Type", "application/json"}, auth...), 200, `"new":1`},
		{"no id", "/api/kgraph/extract", "Atlantis welcomed Mu.", auth, 400, "needs an id"},
		{"bad JSON", "/api/kgraph/extract", `{"id":`, append([]string{"Content-Type", "application/json"}, auth...), 400, "not a JSON document"},
		{"empty", "/api/kgraph/extract?id=e", "  \n", auth, 400, "empty document"},
		{"binary", "/api/kgraph/extract?id=b", "a\x00b", auth, 400, "binary data"},
		{"no token", "/api/kgraph/extract?id=x", "Atlantis welcomed Mu.", nil, 401, "Bearer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, body := call(t, ts, "POST", tt.path, tt.body, tt.hdr...)
			if code != tt.code || !strings.Contains(body, tt.want) {
				t.Errorf("status %d, want %d: %s (want %s)", code, tt.code, body, tt.want)
			}
		})
	}
	if len(got) != 3 || got[0].Title != "Memo" || got[2].Date != "2024-11-15" {
		t.Errorf("extractor saw %+v", got)
	}
	if _, _, body := call(t, ts, "GET", "/api/kgraph/entity?label=Atlantis", ""); !strings.Contains(body, `"welcome"`) || !strings.Contains(body, `"title":"Memo"`) {
		t.Errorf("extracted facts not served: %s", body)
	}
}
