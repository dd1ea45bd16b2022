package app

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/maillage/maillage/internal/api"
	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/web"
)

// handler mounts the health check, the JSON API and the web front end
// behind the middleware every request goes through.
func (m *Main) handler() (http.Handler, error) {
	apiHandler, err := api.New(api.Options{Service: m.Service, Bundle: m.Bundle, Logger: m.Logger, TrustProxy: m.Config.TrustProxy,
		Limits: m.APILimits})
	if err != nil {
		return nil, fmt.Errorf("api: %w", err)
	}
	webHandler, err := web.New(web.Options{Service: m.Service, Bundle: m.Bundle, Sessions: m.sessions(),
		Logger: m.Logger, BaseURL: m.Config.BaseURL, TrustProxy: m.Config.TrustProxy})
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", m.health)
	mux.HandleFunc("GET /readyz", m.ready)
	mux.Handle("/api/v1/", apiHandler)
	mux.Handle("/", webHandler)
	return httpx.Chain(mux,
		httpx.RequestID,
		httpx.AccessLog(m.Logger),
		httpx.Recover(m.Logger, internalError),
		httpx.SecurityHeaders,
	), nil
}

// health answers once migrations ran and the database responds.
func (m *Main) health(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	if err := m.DB.Ping(r.Context()); err != nil {
		m.Logger.Error("health", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		json.NewEncoder(w).Encode(map[string]string{"status": "unavailable"})
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}

// readyMaxLag is how far behind the change log the search index may be
// and still take traffic (it follows every second).
const readyMaxLag = 10 * time.Second

// ready answers 200 when migrations ran, the database responds and the
// derived indexes have caught up; load balancers send traffic elsewhere
// meanwhile.
func (m *Main) ready(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	status := "ok"
	if err := m.DB.Ping(r.Context()); err != nil {
		m.Logger.Error("ready", "err", err)
		status = "unavailable"
	} else if !m.Service.SearchIndex().Ready(readyMaxLag) {
		status = "search_index_behind"
	} else if !m.Service.GraphIndex().Ready() {
		status = "relation_graph_building"
	}
	if status != "ok" {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	json.NewEncoder(w).Encode(map[string]string{"status": status})
}

// internalError is the last resort after a panic: a plain answer without
// any detail (the panic and its stack are in the log).
func internalError(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write([]byte(`{"error":{"code":"internal","message":"Erreur interne / Internal error"}}`))
}
