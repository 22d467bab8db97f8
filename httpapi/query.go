package httpapi

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/kgraph/kgraph/graph"
)

// handleQueryPath serves POST /api/v1/query/{lang} and POST /query/{lang}.
func (s *Server) handleQueryPath(w http.ResponseWriter, r *http.Request) {
	q, err := s.readQuery(w, r)
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	s.query(w, r, r.PathValue("lang"), q)
}

// handleQueryV2 serves /api/v2/query?lang=…: the query is the POST body, or
// ?qu= with GET, as in Cayley.
func (s *Server) handleQueryV2(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		writeError(w, http.StatusBadRequest, errors.New("query language not specified: add ?lang=gizmo (or graphql, mql)"))
		return
	}
	var q string
	if r.Method == http.MethodGet {
		q = r.URL.Query().Get("qu")
	} else {
		var err error
		if q, err = s.readQuery(w, r); err != nil {
			writeError(w, statusOf(err), err)
			return
		}
	}
	s.query(w, r, lang, q)
}

func (s *Server) readQuery(w http.ResponseWriter, r *http.Request) (string, error) {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxQueryBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return "", fmt.Errorf("query larger than %d bytes: %w", tooBig.Limit, err)
		}
		return "", fmt.Errorf("read query: %w", err)
	}
	return string(b), nil
}

// query runs q and writes Cayley's answer shape, with the truncation flag
// and headers.
func (s *Server) query(w http.ResponseWriter, r *http.Request, lang, q string) {
	if q == "" {
		writeError(w, http.StatusBadRequest, errors.New("query is empty"))
		return
	}
	limit, err := intParam(r, "limit", 0)
	if err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	if limit == 0 || limit > s.cfg.Limit {
		limit = s.cfg.Limit
	}
	release, err := s.querySlot(r.Context())
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err)
		return
	}
	defer release()
	res, err := s.cfg.Store.Query(r.Context(), lang, q, graph.QueryOptions{Limit: limit, Timeout: s.cfg.Timeout})
	if err != nil {
		writeError(w, statusOf(err), err)
		return
	}
	w.Header().Set("Kgraph-Limit", strconv.Itoa(limit))
	if res.Truncated {
		w.Header().Set("Kgraph-Truncated", "true")
	}
	writeJSON(w, http.StatusOK, res)
}

// querySlot waits for one of Config.MaxQueries slots, no longer than a
// query may run.
func (s *Server) querySlot(ctx context.Context) (func(), error) {
	t := time.NewTimer(s.cfg.Timeout)
	defer t.Stop()
	select {
	case s.queries <- struct{}{}:
		return func() { <-s.queries }, nil
	case <-t.C:
		return nil, fmt.Errorf("busy: %d queries running for %s", cap(s.queries), s.cfg.Timeout)
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
