package api

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/maillage"
)

// multipartFile builds an upload body with one "file" part, and its
// Content-Type header.
func multipartFile(t *testing.T, name string, content []byte) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	mw.Close()
	return buf.String(), mw.FormDataContentType()
}

func testPNG(t *testing.T, pad int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	// Bytes after the image end are ignored by readers; they make a file
	// bigger than a JSON body may be.
	return append(buf.Bytes(), make([]byte, pad)...)
}

func TestNotes(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	alice, bob := e.viewer("alice"), e.viewer("bob")
	public, err := e.svc.CreateNote(ctx, bob, maillage.NoteInput{Title: "Ressources publiques", Body: "Liste.", Visibility: "public"})
	if err != nil {
		t.Fatal(err)
	}
	secret, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "PV confidentiel",
		Body: "Voir [[Ressources publiques]].", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	community, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Notes du cercle", Visibility: "community",
		CommunityID: e.priv.ID})
	if err != nil {
		t.Fatal(err)
	}
	var created string
	img := testPNG(t, 0)
	upload, uploadType := multipartFile(t, "photo de groupe.png", img)
	bigUpload, bigType := multipartFile(t, "grande.png", testPNG(t, 2<<20))
	html, htmlType := multipartFile(t, "page.png", []byte("<!doctype html><script>alert(1)</script>"))
	ct := []string{"Content-Type", uploadType}

	runScenarios(t, e, []scenario{
		{Name: "create", Method: "POST", URL: "/api/v1/notes", As: "carol",
			Body: `{"title":"Lexique","body":"Un [[Ressources publiques|lien]] et [[PV confidentiel]].","kind":"term","summary":"Définition","visibility":"public","tags":["économie sociale"],"author_ids":["` + e.users["bob"].ID + `"]}`,
			// Bob is invited: until he accepts, he is listed nowhere.
			Status: 201, Contains: []string{`"title":"Lexique"`, `"kind":"term"`, `"license":"cc-by-4.0"`, `"tags":["économie sociale"]`,
				`"author_ids":["` + e.users["carol"].ID + `"]`, `"citation":"Roy, C. (`,
				`href=\"/notes/` + public.ID + `\"`, `<span class=\"wikilink-missing\">PV confidentiel</span>`, `"version":1`},
			Check: func(t *testing.T, w *httptest.ResponseRecorder) {
				m := decodeBody(t, w)
				created, _ = m["id"].(string)
				for _, k := range []string{"id", "title", "body", "html", "visibility", "tags", "author_ids", "backlinks"} {
					if _, ok := m[k]; !ok {
						t.Errorf("no %q", k)
					}
				}
				if w.Header().Get("Location") != "/api/v1/notes/"+created {
					t.Errorf("Location %q", w.Header().Get("Location"))
				}
			}},
		{Name: "create anonymous", Method: "POST", URL: "/api/v1/notes", Body: `{"title":"x","visibility":"public"}`, Status: 401},
		{Name: "create unknown author", Method: "POST", URL: "/api/v1/notes", As: "carol",
			Body: `{"title":"x","visibility":"public","author_ids":["personne"]}`, Status: 400, ErrField: "author_ids"},
		{Name: "create in a community not mine", Method: "POST", URL: "/api/v1/notes", As: "carol",
			Body: `{"title":"x","visibility":"community","community_id":"` + e.secret.ID + `"}`, Status: 400, ErrField: "community_id"},
		{Name: "create huge body", Method: "POST", URL: "/api/v1/notes", As: "carol",
			Body: `{"title":"x","visibility":"public","body":"` + strings.Repeat("a", maillage.MaxNoteBodyLen+1) + `"}`, Status: 400, ErrField: "body"},
		{Name: "create bad kind", Method: "POST", URL: "/api/v1/notes", As: "carol", Body: `{"title":"x","visibility":"public","kind":"poème"}`,
			Status: 400, ErrField: "kind"},
	})
	runScenarios(t, e, []scenario{
		{Name: "bob is invited", Method: "GET", URL: "/api/v1/invitations", As: "bob", Status: 200,
			Contains: []string{`"kind":"note"`, `"item_id":"` + created + `"`, `"item_title":"Lexique"`, `"role":"author"`}},
		{Name: "bob accepts", Method: "POST", URL: "/api/v1/notes/" + created + "/invitation/accept", As: "bob", Status: 200,
			Contains: []string{`"status":"accepted"`}},
		{Name: "bob co-authors", Method: "GET", URL: "/api/v1/notes/" + created, Status: 200,
			Contains: []string{`"author_ids":["` + e.users["carol"].ID + `","` + e.users["bob"].ID + `"]`, `"citation":"Roy, C., & Gagnon, B. (`}},

		{Name: "get public anonymous", Method: "GET", URL: "/api/v1/notes/" + public.ID, Status: 200,
			Contains: []string{`"backlinks":[{"id":"`, `"can_edit":false`}, NotContains: []string{secret.ID}},
		{Name: "get public as author of a linking private note", Method: "GET", URL: "/api/v1/notes/" + public.ID, As: "alice", Status: 200,
			Contains: []string{`{"id":"` + secret.ID + `","title":"PV confidentiel"}`}},
		{Name: "get private as outsider", Method: "GET", URL: "/api/v1/notes/" + secret.ID, As: "carol", Status: 404, ErrCode: "not_found"},
		{Name: "get private anonymous", Method: "GET", URL: "/api/v1/notes/" + secret.ID, Status: 404},
		{Name: "get unknown", Method: "GET", URL: "/api/v1/notes/" + absentID, Status: 404},
		{Name: "get community note as member", Method: "GET", URL: "/api/v1/notes/" + community.ID, As: "bob", Status: 200,
			Contains: []string{`"community_id":"` + e.priv.ID + `"`}},
		{Name: "get community note as outsider", Method: "GET", URL: "/api/v1/notes/" + community.ID, As: "carol", Status: 404},

		{Name: "list anonymous", Method: "GET", URL: "/api/v1/notes", Status: 200, Contains: []string{`"total":2`, `"limit":20`, `"offset":0`}},
		{Name: "list as alice", Method: "GET", URL: "/api/v1/notes?sort=title", As: "alice", Status: 200, Contains: []string{`"total":4`}},
		{Name: "list mine", Method: "GET", URL: "/api/v1/notes?author=me", As: "bob", Status: 200, Contains: []string{`"total":2`}},
		{Name: "list terms by tag", Method: "GET", URL: "/api/v1/notes?kind=term&tag=economie-sociale", Status: 200, Contains: []string{`"total":1`}},
		{Name: "list bad kind", Method: "GET", URL: "/api/v1/notes?kind=x", Status: 400, ErrField: "kind"},

		{Name: "patch by author", Method: "PATCH", URL: "/api/v1/notes/" + public.ID, As: "bob", Body: `{"summary":"Des liens utiles","version":1}`,
			Status: 200, Contains: []string{`"summary":"Des liens utiles"`, `"version":2`, `"body":"Liste."`}},
		{Name: "patch stale", Method: "PATCH", URL: "/api/v1/notes/" + public.ID, As: "bob", Body: `{"body":"écrasé","version":1}`,
			Status: 409, ErrCode: "conflict"},
		{Name: "patch by reader", Method: "PATCH", URL: "/api/v1/notes/" + public.ID, As: "carol", Body: `{"title":"x"}`, Status: 403},
		{Name: "patch invisible", Method: "PATCH", URL: "/api/v1/notes/" + secret.ID, As: "carol", Body: `{"title":"x"}`, Status: 404},
		{Name: "patch unknown field", Method: "PATCH", URL: "/api/v1/notes/" + public.ID, As: "bob", Body: `{"colour":"x"}`, Status: 400,
			ErrField: "colour"},

		{Name: "revisions", Method: "GET", URL: "/api/v1/notes/" + public.ID + "/revisions", As: "bob", Status: 200,
			Contains: []string{`"total":2`, `"number":2`, `"changes":["summary"]`}},
		{Name: "revisions by reader", Method: "GET", URL: "/api/v1/notes/" + public.ID + "/revisions", As: "carol", Status: 403},
		{Name: "revisions invisible", Method: "GET", URL: "/api/v1/notes/" + secret.ID + "/revisions", As: "carol", Status: 404},
		{Name: "revision", Method: "GET", URL: "/api/v1/notes/" + public.ID + "/revisions/1", As: "bob", Status: 200,
			Contains: []string{`"number":1`, `"body":"Liste."`, `"summary":""`}},
		{Name: "revision unknown", Method: "GET", URL: "/api/v1/notes/" + public.ID + "/revisions/9", As: "bob", Status: 404},
		{Name: "revision not a number", Method: "GET", URL: "/api/v1/notes/" + public.ID + "/revisions/x", As: "bob", Status: 404},
		{Name: "restore stale", Method: "POST", URL: "/api/v1/notes/" + public.ID + "/revisions/1/restore", As: "bob", Body: `{"version":1}`,
			Status: 409},
		{Name: "restore", Method: "POST", URL: "/api/v1/notes/" + public.ID + "/revisions/1/restore", As: "bob", Status: 200,
			Contains: []string{`"summary":""`, `"version":3`}},

		{Name: "upload", Method: "POST", URL: "/api/v1/notes/" + public.ID + "/attachments", As: "bob", Body: upload, Headers: ct,
			Status: 201, Contains: []string{`"name":"photo de groupe.png"`, `"mime":"image/png"`, `"width":4`, `"height":3`,
				`"url":"/notes/` + public.ID + `/files/`}},
		{Name: "upload over the JSON limit", Method: "POST", URL: "/api/v1/notes/" + public.ID + "/attachments", As: "bob", Body: bigUpload,
			Headers: []string{"Content-Type", bigType}, Status: 201},
		{Name: "upload markup", Method: "POST", URL: "/api/v1/notes/" + public.ID + "/attachments", As: "bob", Body: html,
			Headers: []string{"Content-Type", htmlType}, Status: 400, ErrField: "file", Contains: []string{"PNG"}},
		{Name: "upload as JSON", Method: "POST", URL: "/api/v1/notes/" + public.ID + "/attachments", As: "bob", Body: `{}`, Status: 400},
		{Name: "upload by reader", Method: "POST", URL: "/api/v1/notes/" + public.ID + "/attachments", As: "carol", Body: upload,
			Headers: ct, Status: 403},
		{Name: "upload to invisible", Method: "POST", URL: "/api/v1/notes/" + secret.ID + "/attachments", As: "carol", Body: upload,
			Headers: ct, Status: 404},
		{Name: "attachments", Method: "GET", URL: "/api/v1/notes/" + public.ID + "/attachments", Status: 200, Contains: []string{`"total":2`}},
		{Name: "attachments invisible", Method: "GET", URL: "/api/v1/notes/" + secret.ID + "/attachments", Status: 404},

		{Name: "remove last author", Method: "DELETE", URL: "/api/v1/notes/" + public.ID + "/authors/" + e.users["bob"].ID, As: "bob",
			Status: 409},
		{Name: "delete by reader", Method: "DELETE", URL: "/api/v1/notes/" + public.ID, As: "carol", Status: 403},
		{Name: "delete invisible", Method: "DELETE", URL: "/api/v1/notes/" + secret.ID, As: "carol", Status: 404},
		{Name: "delete", Method: "DELETE", URL: "/api/v1/notes/" + public.ID, As: "bob", Status: 204},
		{Name: "get deleted", Method: "GET", URL: "/api/v1/notes/" + public.ID, As: "bob", Status: 404},
	})
	// The created note links to a note that was since deleted: the link
	// reads as missing now, nothing breaks.
	w := e.call("GET", "/api/v1/notes/"+created, "carol", "")
	if w.Code != 200 || !strings.Contains(w.Body.String(), `wikilink-missing\">lien</span>`) {
		t.Fatalf("link to a deleted note: %d %s", w.Code, w.Body)
	}
}
