package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

func TestServe_Usage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--db", db, "--addr", "0.0.0.0:0"}, exitUsage, `refusing to listen on "0.0.0.0:0", beyond loopback, without --token`},
		{[]string{"serve", "--db", db, "--addr", ":8080"}, exitUsage, "without --token"},
		{[]string{"serve", "--db", db, "--limit", "0"}, exitUsage, "--limit must be at least 1"},
		{[]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, exitError, "no store at"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[3:], " "), func(t *testing.T) {
			_, errOut, code := run(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, want %d; stderr %q, want %q", code, tt.code, errOut, tt.want)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer safe to write from the server while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// kgraph serve over a built store: a Gizmo query on both of Cayley's
// paths, a document extracted through the API, then SIGTERM stops it
// cleanly and the document is in the store.
func TestServe_QueryExtractShutdown(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, errOut, code := run(t, "", "build", "--db", db, "-q", statement); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	pr, pw := io.Pipe()
	errOut := &syncBuffer{}
	exited := make(chan int, 1)
	go func() {
		exited <- Main([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--token", "s3cret", "-v"},
			Streams{In: strings.NewReader(""), Out: pw, Err: errOut})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no start-up line: %v; stderr %s", err, errOut.String())
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`serving bolt on (http://127\.0\.0\.1:\d+)/ \(writes need the token\)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("start-up line %q", line)
	}
	base := m[1]
	post := func(path, body string, hdr ...string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	q := `g.V().Has("<kg:alias>", "DPRK").Out("<kg:label>").All()`
	for _, p := range []string{"/api/v1/query/gizmo", "/query/gizmo", "/api/v2/query?lang=gizmo"} {
		if code, body := post(p, q); code != 200 || body != `{"result":[{"id":"Democratic People's Republic of Korea"}]}`+"\n" {
			t.Errorf("%s: %d %s", p, code, body)
		}
	}
	if code, body := post("/api/kgraph/extract?id=memo", "Japan welcomed the Nuclear Consultative Group."); code != 401 {
		t.Errorf("extract without the token: %d %s", code, body)
	}
	code, body := post("/api/kgraph/extract?id=memo&title=Memo", "Japan welcomed the Nuclear Consultative Group.", "Authorization", "Bearer s3cret")
	if code != 200 || !strings.Contains(body, `"new":1`) {
		t.Fatalf("extract: %d %s", code, body)
	}
	if !strings.Contains(errOut.String(), "POST /api/kgraph/extract?id=memo&title=Memo 200") {
		t.Errorf("no request log: %s", errOut.String())
	}

	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-exited:
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("SIGTERM did not stop the server")
	}
	if s := errOut.String(); !strings.Contains(s, "shutting down") || !strings.Contains(s, "stopped") {
		t.Errorf("stderr: %s", s)
	}
	out, errS, code := run(t, "", "query", "--db", db, `g.V("<kg:e/japan>").Out("<kg:p/welcome>").Out("<kg:label>").All()`)
	if code != 0 || !strings.Contains(out, "Nuclear Consultative Group") {
		t.Errorf("after shutdown: exit %d %s %s", code, out, errS)
	}
}
