package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/kgraph/kgraph/graph"
	"github.com/kgraph/kgraph/schema"
	"github.com/kgraph/kgraph/source"
)

// handleWrite serves POST /api/kgraph/write: N-Quads in the body, added to
// the store in batches (quads already stored are skipped). A batch is
// stored whole or not at all; on an error the batches before it stay.
func (s *Server) handleWrite(w http.ResponseWriter, r *http.Request) {
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxWriteBytes)
	n, err := s.cfg.Store.Import(r.Context(), body)
	if n > 0 || err == nil {
		s.names.stale()
	}
	if err != nil {
		code := statusOf(err)
		if errors.Is(err, graph.ErrBadInput) {
			code = http.StatusBadRequest
		}
		writeError(w, code, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Quads int `json:"quads"`
	}{n})
}

// extractRequest is the JSON form of a document to extract.
type extractRequest struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`
	Text  string `json:"text"`
}

// ExtractAnswer is what POST /api/kgraph/extract answers; the counts are
// those of `kgraph build --json`.
type ExtractAnswer struct {
	Document  string `json:"document"` // its IRI
	New       int    `json:"new"`
	Replaced  int    `json:"replaced"`
	Unchanged int    `json:"unchanged"`
	Sentences int    `json:"sentences"`
	Facts     int    `json:"facts"`
	Entities  int    `json:"entities"`
	Quads     int    `json:"quads"` // quads added
}

// handleExtract serves POST /api/kgraph/extract: a document as plain text
// (id, title, date and url as query parameters) or as JSON
// {"id","title","date","url","text"}, extracted and loaded. The same id
// with other text replaces the document, as `kgraph build` does.
func (s *Server) handleExtract(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Extract == nil {
		writeError(w, http.StatusNotImplemented, errors.New("this server does not extract"))
		return
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, source.MaxDocumentBytes))
	if err != nil {
		writeError(w, statusOf(err), fmt.Errorf("read document: %w", err))
		return
	}
	q := r.URL.Query()
	req := extractRequest{ID: q.Get("id"), Title: q.Get("title"), Date: q.Get("date"), URL: q.Get("url"), Text: string(b)}
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/json" {
		req = extractRequest{}
		if err := json.Unmarshal(b, &req); err != nil {
			writeError(w, http.StatusBadRequest, fmt.Errorf("not a JSON document: %w", err))
			return
		}
	}
	req.ID = strings.TrimSpace(req.ID)
	if req.ID == "" {
		writeError(w, http.StatusBadRequest, errors.New("the document needs an id (?id= or \"id\")"))
		return
	}
	if err := source.CheckText([]byte(req.Text)); err != nil {
		writeError(w, http.StatusBadRequest, fmt.Errorf("document %q: %w", req.ID, err))
		return
	}
	ctx := r.Context()
	res, err := s.cfg.Extract(ctx, schema.Document{ID: req.ID, Title: req.Title, Date: req.Date, URL: req.URL, Text: req.Text})
	if err != nil {
		writeError(w, statusOf(err), fmt.Errorf("extract %q: %w", req.ID, err))
		return
	}
	st, err := s.cfg.Store.Load(ctx, res)
	if st.Loaded+st.Replaced > 0 {
		s.names.stale()
	}
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, ExtractAnswer{Document: schema.DocumentIRI(req.ID), New: st.Loaded, Replaced: st.Replaced,
		Unchanged: st.Skipped, Sentences: st.Sentences, Facts: st.Facts, Entities: st.Entities, Quads: st.QuadsAdded})
}
