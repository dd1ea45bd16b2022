package app_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

// TestHealthAndReadiness: /healthz answers as soon as the store does;
// /readyz answers 503 with a reason until the search index and the
// relation graph are built, then 200 — as load balancers expect.
func TestHealthAndReadiness(t *testing.T) {
	m := boot(t)
	get := func(path string) (int, string) {
		t.Helper()
		res, err := http.Get(m.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body map[string]string
		if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return res.StatusCode, body["status"]
	}
	if code, status := get("/healthz"); code != http.StatusOK || status != "ok" {
		t.Fatalf("/healthz: %d %q", code, status)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, status := get("/readyz")
		if code == http.StatusOK && status == "ok" {
			break
		}
		if code != http.StatusServiceUnavailable || (status != "search_index_behind" && status != "relation_graph_building") {
			t.Fatalf("/readyz while building: %d %q", code, status)
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz still %q", status)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !m.Service.GraphIndex().Ready() || !m.Service.SearchIndex().Ready(time.Minute) {
		t.Error("ready before the indexes")
	}
}
