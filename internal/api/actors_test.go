package api

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// TestEveryActorRouteAnswers calls every route of the actors group on
// resources of its own, as someone allowed to, and checks the answers.
func TestEveryActorRouteAnswers(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()

	// Create, as JSON, then read, edit and list.
	w := e.call("POST", "/api/v1/actors", "alice", `{"name":"Léa Tremblay","kind":"person","description":"Chercheuse en mobilité.",
		"tags":["économie sociale"],"visibility":"members","source":"https://exemple.org/colloque","email":"carol@example.test"}`)
	if w.Code != http.StatusCreated || !strings.HasPrefix(w.Header().Get("Location"), "/api/v1/actors/") {
		t.Fatalf("create: %d %s", w.Code, w.Body)
	}
	card := decodeBody(t, w)
	id := card["id"].(string)
	if card["visibility"] != "members" || card["source"] != "https://exemple.org/colloque" || card["can_edit"] != true {
		t.Fatalf("created card: %v", card)
	}
	if w := e.call("GET", "/api/v1/actors/"+id, "bob", ""); w.Code != http.StatusOK || decodeBody(t, w)["can_edit"] != false {
		t.Fatalf("bob reads: %d %s", w.Code, w.Body)
	}
	if w := e.call("GET", "/api/v1/actors/"+id, "", ""); w.Code != http.StatusNotFound {
		t.Fatalf("a visitor reads a members card: %d", w.Code)
	}
	if w := e.call("PATCH", "/api/v1/actors/"+id, "bob", `{"name":"Piraté"}`); w.Code != http.StatusForbidden {
		t.Fatalf("bob edits: %d %s", w.Code, w.Body)
	}
	if w := e.call("PATCH", "/api/v1/actors/"+id, "alice", `{"title":"Professeure","latitude":46.8,"longitude":-71.2}`); w.Code != http.StatusOK ||
		decodeBody(t, w)["title"] != "Professeure" {
		t.Fatalf("alice edits: %d %s", w.Code, w.Body)
	}
	if w := e.call("PATCH", "/api/v1/actors/"+id, "alice", `{"name":"X","version":1}`); w.Code != http.StatusConflict {
		t.Fatalf("stale version: %d %s", w.Code, w.Body)
	}
	w = e.call("GET", "/api/v1/actors?kind=person&tag=economie-sociale", "bob", "")
	if w.Code != http.StatusOK || !ids(decodeBody(t, w), "items")[id] {
		t.Fatalf("list: %d %s", w.Code, w.Body)
	}
	if w := e.call("GET", "/api/v1/actors", "", ""); w.Code != http.StatusOK || ids(decodeBody(t, w), "items")[id] {
		t.Fatalf("a visitor lists a members card: %s", w.Body)
	}
	if w := e.call("POST", "/api/v1/actors", "alice", `{"name":"","kind":"robot","visibility":"public"}`); w.Code != http.StatusBadRequest {
		t.Fatalf("bad card: %d", w.Code)
	}

	// A note attached by its author; the card lists it.
	note, err := e.svc.CreateNote(ctx, e.viewer("alice"), maillage.NoteInput{Title: "Fiche\u202f: Léa", Body: "Rencontrée au colloque.",
		Kind: "person", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	if w := e.call("PUT", "/api/v1/notes/"+note.ID+"/actor", "bob", `{"actor_id":"`+id+`"}`); w.Code != http.StatusForbidden {
		t.Fatalf("bob attaches alice's note: %d", w.Code)
	}
	if w := e.call("PUT", "/api/v1/notes/"+note.ID+"/actor", "alice", `{"actor_id":"`+id+`"}`); w.Code != http.StatusNoContent {
		t.Fatalf("attach: %d %s", w.Code, w.Body)
	}
	if w := e.call("GET", "/api/v1/actors/"+id, "bob", ""); !ids(decodeBody(t, w), "notes")[note.ID] {
		t.Fatalf("the card lists its note: %s", w.Body)
	}
	if w := e.call("GET", "/api/v1/notes/"+note.ID, "bob", ""); decodeBody(t, w)["actor_id"] != id {
		t.Fatalf("the note names its card: %s", w.Body)
	}
	if w := e.call("GET", "/api/v1/notes/"+note.ID, "", ""); decodeBody(t, w)["actor_id"] != nil {
		t.Fatalf("a visitor learns of a members card through the note: %s", w.Body)
	}

	// Law 25: a request, in the manager's queue when the card is a community's.
	w = e.call("POST", "/api/v1/actors/"+id+"/requests", "bob", `{"kind":"correction","message":"Elle a changé de poste."}`)
	if w.Code != http.StatusCreated || decodeBody(t, w)["due_at"] == "" {
		t.Fatalf("correction request: %d %s", w.Code, w.Body)
	}
	if w := e.call("POST", "/api/v1/actors/"+id+"/requests", "bob", `{"kind":"correction"}`); w.Code != http.StatusBadRequest {
		t.Fatalf("a correction without a message: %d", w.Code)
	}
	w = e.call("POST", "/api/v1/actors", "alice", `{"name":"Bob Gagnon","kind":"person","visibility":"community","community_id":"`+e.priv.ID+`"}`)
	if w.Code != http.StatusCreated {
		t.Fatalf("community card: %d %s", w.Code, w.Body)
	}
	comID := decodeBody(t, w)["id"].(string)
	if w := e.call("GET", "/api/v1/actors/"+comID, "carol", ""); w.Code != http.StatusNotFound {
		t.Fatalf("a non-member reads a community card: %d", w.Code)
	}
	w = e.call("POST", "/api/v1/actors/"+comID+"/claim", "bob", `{"message":"C'est moi."}`)
	if w.Code != http.StatusAccepted || decodeBody(t, w)["request"] == nil {
		t.Fatalf("claim without a matching address: %d %s", w.Code, w.Body)
	}
	w = e.call("GET", "/api/v1/actor-requests", "alice", "")
	var reqID string
	for _, r := range decodeBody(t, w)["requests"].([]any) {
		if m := r.(map[string]any); m["kind"] == "claim" {
			reqID = m["id"].(string)
		}
	}
	if w.Code != http.StatusOK || reqID == "" {
		t.Fatalf("manager queue: %d %s", w.Code, w.Body)
	}
	if w := e.call("POST", "/api/v1/actor-requests/"+reqID+"/answer", "bob", `{"approve":true}`); w.Code != http.StatusNotFound {
		t.Fatalf("the requester answers: %d", w.Code)
	}
	if w := e.call("POST", "/api/v1/actor-requests/"+reqID+"/answer", "alice", `{"approve":true,"answer":"Bienvenue"}`); w.Code != http.StatusNoContent {
		t.Fatalf("approve: %d %s", w.Code, w.Body)
	}
	// Carol's confirmed address matches the first card: she claims it at once.
	if w := e.call("POST", "/api/v1/actors/"+id+"/claim", "carol", ""); w.Code != http.StatusOK || decodeBody(t, w)["claimed"] != true {
		t.Fatalf("claim: %d %s", w.Code, w.Body)
	}
	w = e.call("POST", "/api/v1/actors/"+id+"/claim", "bob", "")
	if w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), "already claimed") {
		t.Fatalf("claim of a claimed card: %d %s", w.Code, w.Body)
	}

	// Import: a preview, then the import, with a mapping.
	csv := "Organisme;Web;Ville\nVélo Québec;velo.example;Montréal\nVELO QUÉBEC;velo.example;\nCoop du Quartier;;\n"
	w = e.call("POST", "/api/v1/actors/import?dry_run=1&visibility=public&map_name=Organisme&map_website=Web&map_address=Ville", "alice", csv,
		"Content-Type", "text/csv")
	if w.Code != http.StatusOK {
		t.Fatalf("preview: %d %s", w.Code, w.Body)
	}
	prev := decodeBody(t, w)
	if prev["created"] != 1.0 || prev["duplicates"] != 2.0 || prev["dry_run"] != true {
		t.Fatalf("preview: %s", w.Body)
	}
	w = e.call("POST", "/api/v1/actors/import?visibility=public&map_name=Organisme&map_website=Web&map_address=Ville", "alice", csv,
		"Content-Type", "text/csv")
	if w.Code != http.StatusCreated || decodeBody(t, w)["created"] != 1.0 {
		t.Fatalf("import: %d %s", w.Code, w.Body)
	}
	w = e.call("POST", "/api/v1/actors/import?map_name=Nom", "alice", csv, "Content-Type", "text/csv", "Accept-Language", "en")
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "Nom") {
		t.Fatalf("a mapping naming a missing column: %d %s", w.Code, w.Body)
	}
	if w := e.call("POST", "/api/v1/actors/import", "", csv, "Content-Type", "text/csv"); w.Code != http.StatusUnauthorized {
		t.Fatalf("a visitor imports: %d", w.Code)
	}

	if w := e.call("DELETE", "/api/v1/actors/"+comID, "carol", ""); w.Code != http.StatusNotFound {
		t.Fatalf("a non-member deletes: %d", w.Code)
	}
	if w := e.call("DELETE", "/api/v1/actors/"+comID, "bob", ""); w.Code != http.StatusNoContent {
		t.Fatalf("the person who claimed it removes it: %d %s", w.Code, w.Body)
	}
}
