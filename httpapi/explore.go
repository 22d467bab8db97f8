package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/kgraph/kgraph/graph"
)

// handleSearch serves GET /api/kgraph/search?q=&limit=: suggestions.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", 10)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	limit = min(max(limit, 1), s.cfg.Limit)
	n, err := s.names.get(r.Context())
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	res := n.search(r.URL.Query().Get("q"), limit)
	if res == nil {
		res = []Suggestion{}
	}
	writeJSON(w, http.StatusOK, struct {
		Result []Suggestion `json:"result"`
	}{res})
}

// handleEntity serves GET /api/kgraph/entity?id=<kg:e/…> or ?label=Name (a
// label or an alias), with &limit= facts at most.
func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) {
	limit, err := intParam(r, "limit", DefaultFactLimit)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if limit == 0 || limit > s.cfg.Limit {
		limit = min(DefaultFactLimit, s.cfg.Limit)
	}
	ctx := r.Context()
	id, label := r.URL.Query().Get("id"), r.URL.Query().Get("label")
	switch {
	case id == "" && label == "":
		writeError(w, http.StatusBadRequest, errors.New("give ?id=<kg:e/…> or ?label=Name"))
		return
	case id == "":
		if id, err = s.cfg.Store.FindEntity(ctx, label); err != nil {
			writeError(w, statusOf(err), err)
			return
		}
	}
	e, err := s.cfg.Store.Entity(ctx, id, limit)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

// handleSentence serves GET /api/kgraph/sentence?id=<kg:s/doc/n>.
func (s *Server) handleSentence(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		writeError(w, http.StatusBadRequest, errors.New("give ?id=<kg:s/DOC/N>"))
		return
	}
	v, err := s.cfg.Store.Sentence(r.Context(), id)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// handleNodes serves GET /api/kgraph/nodes?id=…&id=…: the label and type of
// each entity IRI given (angle brackets optional), for drawing a query's
// answer. IRIs that name no entity come back with their id alone.
func (s *Server) handleNodes(w http.ResponseWriter, r *http.Request) {
	ids := r.URL.Query()["id"]
	if len(ids) > s.cfg.Limit {
		writeError(w, http.StatusBadRequest, fmt.Errorf("%d ids; at most %d", len(ids), s.cfg.Limit))
		return
	}
	n, err := s.names.get(r.Context())
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	out := make([]graph.Node, 0, len(ids))
	for _, id := range ids {
		iri := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(id), "<"), ">")
		node, _ := n.node(iri)
		out = append(out, node)
	}
	writeJSON(w, http.StatusOK, struct {
		Result []graph.Node `json:"result"`
	}{out})
}

// Info is what GET /api/kgraph/info says about the server.
type Info struct {
	Backend   string   `json:"backend"`
	Languages []string `json:"languages"`
	Limit     int      `json:"limit"`
	Timeout   string   `json:"timeout"`
	Entities  int      `json:"entities"`
	Writes    bool     `json:"writes"`  // a token is set
	Extract   bool     `json:"extract"` // /api/kgraph/extract is on
}

func (s *Server) handleInfo(w http.ResponseWriter, r *http.Request) {
	n, err := s.names.get(r.Context())
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	writeJSON(w, http.StatusOK, Info{
		Backend: s.cfg.Store.Backend(), Languages: graph.Languages(), Limit: s.cfg.Limit,
		Timeout: s.cfg.Timeout.String(), Entities: len(n.rows),
		Writes: s.cfg.Token != "", Extract: s.cfg.Token != "" && s.cfg.Extract != nil,
	})
}
