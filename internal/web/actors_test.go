package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// upload posts a multipart form with one file, as a browser does.
func (c *client) upload(path, field, filename string, content []byte, values url.Values) response {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range values {
		for _, v := range vs {
			if err := mw.WriteField(k, v); err != nil {
				c.t.Fatal(err)
			}
		}
	}
	fw, err := mw.CreateFormFile(field, filename)
	if err != nil {
		c.t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	req, err := http.NewRequest(http.MethodPost, c.base+path, &buf)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

var hiddenToken = regexp.MustCompile(`name="token" value="([^"]+)"`)

// TestActorCardPages creates, reads, edits and claims cards through the
// pages, in both languages, and checks who sees what.
func TestActorCardPages(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ana := e.user("Ana Diallo", "ana@example.org")
	e.user("Bob Côté", "bob@example.org")
	ac, bc, visitor := e.client(), e.client(), e.client()
	ac.signIn("ana@example.org", "mot de passe solide")
	bc.signIn("bob@example.org", "mot de passe solide")

	wantStatus(t, ac.get("/actors/new"), http.StatusOK)
	// Bad input comes back with translated errors and what was typed.
	r := ac.post("/actors", url.Values{"name": {"Léa Tremblay"}, "kind": {"person"}, "visibility": {"members"}, "latitude": {"91"},
		"longitude": {"0"}, "description": {"Chercheuse en mobilité durable."}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Entrez un nombre entre -90 et 90", "Chercheuse en mobilité durable.")
	r = ac.post("/actors", url.Values{"name": {"Léa Tremblay"}, "kind": {"person"}, "visibility": {"members"},
		"description": {"Chercheuse en mobilité durable."}, "email": {"bob@example.org"}, "tags": {"Mobilité durable"},
		"source": {"https://exemple.org/colloque"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "La fiche a été créée.", "Léa Tremblay", "Mobilité durable", "https://exemple.org/colloque", "Loi 25")
	id := r.URL.Path[len("/actors/"):]

	// A members card: 404 for visitors, in lists too.
	wantStatus(t, visitor.get("/actors/"+id), http.StatusNotFound)
	mustNotContain(t, visitor.get("/actors"), "Léa Tremblay")
	mustContain(t, bc.get("/actors?q=lea"), "Léa Tremblay")
	mustContain(t, bc.get("/tags/mobilite-durable"), "/actors/"+id)

	// Bob's confirmed address matches: he may claim it at once.
	page := bc.get("/actors/" + id)
	mustContain(t, page, "Réclamer cette fiche", "Corriger ou retirer")
	mustNotContain(t, page, "/actors/"+id+"/edit")
	wantStatus(t, bc.get("/actors/"+id+"/edit"), http.StatusForbidden)
	r = bc.post("/actors/"+id+"/requests", url.Values{"kind": {"correction"}, "message": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Ce champ est obligatoire")

	// Ana attaches her person note; the note page links the card.
	n, err := e.Svc.CreateNote(ctx, e.viewer(ana.ID), maillage.NoteInput{Title: "Fiche\u202f: Léa", Body: "Rencontrée au colloque.",
		Kind: "person", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, ac.get("/actors/"+id), "Rattacher")
	r = ac.post("/actors/"+id+"/notes", url.Values{"note_id": {n.ID}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "/notes/"+n.ID)
	mustContain(t, ac.get("/notes/"+n.ID), "/actors/"+id)

	r = bc.post("/actors/"+id+"/claim", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "La fiche est maintenant la vôtre", "Mobilité durable")
	mustContain(t, bc.get("/actors/"+id), "Cette fiche a été réclamée")
	r = ac.post("/actors/"+id+"/claim", nil)
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "déjà été réclamée")

	// Ana edits and removes a card of her own.
	r = ac.post("/actors", url.Values{"name": {"Coop Vélo"}, "kind": {"organization"}, "visibility": {"private"}})
	other := r.URL.Path[len("/actors/"):]
	wantStatus(t, bc.get("/actors/"+other), http.StatusNotFound)
	wantStatus(t, ac.get("/actors/"+other+"/edit"), http.StatusOK)
	r = ac.post("/actors/"+other+"/edit", url.Values{"name": {"Coop Vélo Solidaire"}, "kind": {"organization"}, "visibility": {"public"}, "version": {"1"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Coop Vélo Solidaire")
	wantStatus(t, ac.get("/actors/"+other+"/delete"), http.StatusOK)
	r = ac.post("/actors/"+other+"/delete", nil)
	mustContain(t, r, "La fiche a été retirée.")
	wantStatus(t, ac.get("/actors/"+other), http.StatusNotFound)

	// Every page in English too.
	for _, p := range []string{"/actors?lang=en", "/actors/" + id, "/actors/new", "/actors/import", "/actors/requests"} {
		wantStatus(t, ac.get(p), http.StatusOK)
	}
	mustContain(t, ac.get("/actors/"+id), "This card has been claimed", "Attached notes", "Public professional information only")
	mustContain(t, visitor.get("/actors?lang=en"), "Actors", "No card matches.")
}

// TestActorImportPages uploads a CSV map, previews it with a mapping,
// imports it and reads the report; a request reaches the administrators'
// queue and is answered.
func TestActorImportPages(t *testing.T) {
	e := newEnv(t)
	ana := e.user("Ana Diallo", "ana@example.org")
	if _, err := e.Svc.CreateUser(context.Background(), maillage.SignUpInput{Name: "Admin", Email: "admin@example.org",
		Password: "mot de passe solide"}, true); err != nil {
		t.Fatal(err)
	}
	ac := e.client()
	ac.signIn("ana@example.org", "mot de passe solide")
	wantStatus(t, ac.get("/actors/import"), http.StatusOK)

	// No file: a translated error, options kept.
	r := ac.upload("/actors/import", "other", "x.txt", nil, url.Values{"visibility": {"public"}, "source": {"Carte 2025"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Choisissez un fichier CSV ou GeoJSON.", "Carte 2025")

	csv := "\ufeffNom;Site;Ville;Latitude;Longitude\nVélo Québec;velo.example;Montréal;45.5;-73.6\nVELO QUEBEC;velo.example;;;\nHors carte;;;95;0\n"
	r = ac.upload("/actors/import", "file", "carte.csv", []byte(csv), url.Values{"visibility": {"public"}, "kind": {"organization"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Aperçu", "Encodage UTF-8 (avec BOM)", "1 fiche à créer", "Doublon de la ligne 2", "Importer 1 fiche",
		"Entrez un nombre entre -90 et 90")
	m := hiddenToken.FindStringSubmatch(r.Body)
	if m == nil {
		t.Fatalf("no staged file token:\n%s", excerptBody(r.Body))
	}
	form := url.Values{"token": {m[1]}, "visibility": {"public"}, "kind": {"organization"}, "source": {"carte.csv"},
		"map_name": {"Nom"}, "map_website": {"Site"}, "map_address": {"Ville"}, "map_latitude": {"Latitude"}, "map_longitude": {"Longitude"}}
	// Unmapping the name is refused with a message, the columns offered again.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("map_name", "")
	r = ac.post("/actors/import/preview", bad)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Indiquez la colonne qui contient le nom", `name="map_name"`)
	r = ac.post("/actors/import/run", form)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Rapport d’import", "1 fiche créée", "Vélo Québec", "Doublon", "À corriger")
	mustContain(t, ac.get("/actors"), "Vélo Québec")
	// The staged file is gone once imported.
	r = ac.post("/actors/import/run", form)
	mustContain(t, r, "n’est plus disponible")

	// A removal request, in the administrators' queue with its date.
	list, _, err := e.Svc.Actors(context.Background(), e.viewer(ana.ID), service.ActorFilter{})
	if err != nil || len(list) != 1 {
		t.Fatalf("imported cards: %v %v", list, err)
	}
	id := list[0].ID
	r = ac.post("/actors/"+id+"/requests", url.Values{"kind": {"removal"}, "message": {"Doublon d’une autre fiche."}})
	mustContain(t, r, "Votre demande a été transmise")
	wantStatus(t, ac.get("/actors/requests"), http.StatusOK)
	mustContain(t, ac.get("/actors/requests"), "Aucune demande en attente.")
	adm := e.client()
	adm.signIn("admin@example.org", "mot de passe solide")
	q := adm.get("/actors/requests")
	mustContain(t, q, "Demande de retrait", "Vélo Québec", "À traiter d’ici le", "Retirer la fiche")
	reqID := regexp.MustCompile(`action="/actor-requests/([^"]+)"`).FindStringSubmatch(q.Body)
	if reqID == nil {
		t.Fatal("no request form")
	}
	wantStatus(t, ac.post("/actor-requests/"+reqID[1], url.Values{"decision": {"approve"}}), http.StatusNotFound)
	r = adm.post("/actor-requests/"+reqID[1], url.Values{"decision": {"approve"}, "answer": {"Retirée."}})
	mustContain(t, r, "La demande a été traitée.", "Aucune demande en attente.")
	wantStatus(t, adm.get("/actors/"+id), http.StatusNotFound)
}
