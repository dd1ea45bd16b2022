package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/maillage/maillage/internal/httpx"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// hostileText is what an attacker types into a field or a query: each
// value once, everywhere. raw marks values that are not valid UTF-8 (or
// not valid inside a JSON string) and must be sent as bytes, not encoded.
var hostileText = []struct {
	name, value string
	raw         bool
}{
	{"nul", "a\x00b", false},
	{"controls", "a\x01\x08\x1b[2J\x7f\u0085b", false},
	{"line breaks", "Titre\r\nBcc: victime@exemple.org\r\n\r\ncorps", false},
	{"bidi", "\u202egpj.exe\u202c \u2066x\u2069 \u200fy\u200e", false},
	{"only junk", "\x00\u202e\r\n\t", false},
	{"invalid utf-8", "a\xff\xfeb\xc3", true},
	{"raw control in json", "a\x01b", true},
	{"long", strings.Repeat("é", 200_000), false},
}

// TestHostileInputNeverFails sends every hostile value to every text
// field of every request body, every query parameter and every path
// parameter of the whole route table, as a signed-in member. Nothing may
// answer 5xx, on SQLite as on PostgreSQL; a body that is not UTF-8 is a
// 400; and what a successful call answers holds no control character or
// bidi override: the text was cleaned on its way in.
func TestHostileInputNeverFails(t *testing.T) {
	e := newEnv(t)
	// The limits would turn most of these calls into 429s.
	e.srv.reads = httpx.NewRateLimiter(1e6, 1e6)
	e.srv.writes = httpx.NewRateLimiter(1e6, 1e6)
	ids := hostileWorld(t, e)
	for _, rt := range e.srv.routes() {
		if rt.MaxBody > 0 || rt.Path == "/api/v1/openapi.json" {
			continue // file uploads take multipart bodies; the document takes nothing
		}
		t.Run(rt.Op, func(t *testing.T) {
			path := fillPath(rt.Path, func(name string) string { return ids.param(rt.Path, name) })
			body := baseBody(rt, ids)
			for _, h := range hostileText {
				// Every path parameter, one at a time.
				for _, p := range pathParam.FindAllStringSubmatch(rt.Path, -1) {
					bad := fillPath(rt.Path, func(name string) string {
						if name == p[1] {
							return url.PathEscape(h.value)
						}
						return ids.param(rt.Path, name)
					})
					e.checkHostile(t, rt, bad, rawJSON(body, "", h.value, h.raw), h.name, h.raw)
				}
				// Every query parameter.
				for _, q := range rt.Query {
					e.checkHostile(t, rt, path+"?"+url.Values{q.Name: {h.value}}.Encode(), rawJSON(body, "", "", false), h.name, false)
				}
				// Every text field of the body.
				for _, f := range textFields(schemas[rt.Request], "") {
					e.checkHostile(t, rt, path, rawJSON(body, f, h.value, h.raw), h.name+" in "+f, h.raw)
				}
			}
		})
	}
}

// checkHostile sends one request and checks its answer.
func (e *env) checkHostile(t *testing.T, rt route, target, body, what string, invalid bool) {
	t.Helper()
	w := e.call(rt.Method, target, "alice", body)
	switch {
	case w.Code >= 500:
		t.Fatalf("%s %s with %s: %d\n%.300s", rt.Method, rt.Path, what, w.Code, w.Body.String())
	case invalid && body != "" && w.Code < 300:
		t.Fatalf("%s %s with %s: %d, want an error", rt.Method, rt.Path, what, w.Code)
	case w.Code < 300 && strings.HasPrefix(w.Header().Get("Content-Type"), "application/json"):
		var v any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("%s %s with %s: answer is not JSON: %v", rt.Method, rt.Path, what, err)
		}
		if s, ok := dirtyString(v); ok {
			t.Fatalf("%s %s with %s: the answer holds %q", rt.Method, rt.Path, what, s)
		}
	}
}

// dirtyString finds a string of a decoded JSON answer holding a control
// character (other than line feed and tab) or a bidi embedding, override
// or isolate.
func dirtyString(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		for _, r := range v {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r <= 0x9f) ||
				(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
				return v, true
			}
		}
	case []any:
		for _, x := range v {
			if s, ok := dirtyString(x); ok {
				return s, true
			}
		}
	case map[string]any:
		for _, x := range v {
			if s, ok := dirtyString(x); ok {
				return s, true
			}
		}
	}
	return "", false
}

// hostileIDs are the things of the world the calls act upon.
type hostileIDs struct {
	note, notebook, category, kb, thread, reply, conversation, token, bob string
	e                                                                     *env
}

// param gives a path parameter a real value, chosen by the collection it
// names ("/notes/{id}" is a note).
func (h hostileIDs) param(path, name string) string {
	switch name {
	case "user_id", "target_id":
		return h.bob
	case "note_id":
		return h.note
	case "notebook_id":
		return h.notebook
	case "category_id":
		return h.category
	case "n":
		return "1"
	case "slug":
		return "cuisine"
	case "target_type":
		return "user"
	case "id":
		switch strings.Split(strings.TrimPrefix(path, Prefix+"/"), "/")[0] {
		case "notes":
			return h.note
		case "notebooks":
			return h.notebook
		case "knowledge-bases":
			return h.kb
		case "threads":
			return h.thread
		case "replies":
			return h.reply
		case "conversations":
			return h.conversation
		case "communities":
			return h.e.pub.ID
		case "organizations":
			return h.e.org.ID
		case "users":
			return h.bob
		case "tokens":
			return h.token
		}
	}
	return absentID
}

// hostileWorld adds to the env a note, a notebook with a category, a
// knowledge base, a thread with a reply and a conversation, all alice's.
func hostileWorld(t *testing.T, e *env) hostileIDs {
	ctx := context.Background()
	alice := e.viewer("alice")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	ids := hostileIDs{e: e, bob: e.users["bob"].ID}
	n, err := e.svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Note visée", Body: "Texte", Visibility: "public"})
	must(err)
	nb, err := e.svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Carnet visé", Visibility: "public"})
	must(err)
	cat, err := e.svc.CreateNotebookCategory(ctx, alice, nb.ID, "Catégorie")
	must(err)
	kb, err := e.svc.CreateKnowledgeBase(ctx, alice, maillage.NotebookInput{Title: "Base visée", Visibility: "public"})
	must(err)
	th, err := e.svc.CreateThread(ctx, alice, e.pub.ID, maillage.ThreadInput{Title: "Fil visé", Body: "Texte"})
	must(err)
	rep, err := e.svc.CreateReply(ctx, alice, th.ID, maillage.ReplyInput{Body: "Réponse"})
	must(err)
	conv, err := e.svc.StartConversation(ctx, alice, service.ConversationInput{ParticipantIDs: []string{ids.bob}, Body: "Bonjour"})
	must(err)
	_, tok, err := e.svc.CreateToken(ctx, alice, "jeton visé")
	must(err)
	ids.note, ids.notebook, ids.category, ids.kb = n.ID, nb.ID, cat.ID, kb.ID
	ids.thread, ids.reply, ids.conversation, ids.token = th.ID, rep.ID, conv.ID, tok.ID
	return ids
}

func fillPath(path string, value func(name string) string) string {
	return pathParam.ReplaceAllStringFunc(path, func(m string) string {
		return value(pathParam.FindStringSubmatch(m)[1])
	})
}

// baseBody is a request body that passes validation, so that a hostile
// value in one field reaches as far as it can: the first value of every
// closed set, a word in every other required text, real IDs where the
// call names something.
func baseBody(rt route, ids hostileIDs) map[string]any {
	t := schemas[rt.Request]
	if t == nil {
		return nil
	}
	body := map[string]any{}
	fields := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		fields[name] = true
		switch {
		case name == "" || name == "-":
		case f.Tag.Get("enum") != "":
			body[name], _, _ = strings.Cut(f.Tag.Get("enum"), ",")
		case f.Tag.Get("required") == "true" && isText(f.Type):
			body[name] = "Texte valide"
		}
	}
	for k, v := range map[string]any{
		"visibility": "public", "note_id": ids.note, "notebook_id": ids.notebook, "user_id": ids.bob,
		"participant_ids": []string{ids.bob}, "user_ids": []string{ids.bob},
	} {
		if fields[k] {
			body[k] = v
		}
	}
	return body
}

func isText(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.String
}

// textFields lists the JSON paths ("links.url") of the text fields of a
// request type: strings, lists of strings and the text of nested objects.
func textFields(t reflect.Type, prefix string) []string {
	if t == nil {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		switch {
		case ft.Kind() == reflect.String:
			out = append(out, prefix+name)
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			out = append(out, prefix+name+"[]")
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
			out = append(out, textFields(ft.Elem(), prefix+name+"[].")...)
		case ft.Kind() == reflect.Struct && ft != reflect.TypeFor[nullableNumber]():
			out = append(out, textFields(ft, prefix+name+".")...)
		}
	}
	return out
}

// rawJSON encodes body with value at field ("links[].url"; "" for none).
// A raw value is written as its bytes, which no JSON encoder would do.
func rawJSON(body map[string]any, field, value string, raw bool) string {
	if body == nil {
		return ""
	}
	const mark = "@@HOSTILE@@"
	b := cloneJSON(body)
	if field != "" {
		setPath(b, strings.Split(field, "."), mark)
	}
	out, err := json.Marshal(b)
	if err != nil {
		panic(err)
	}
	enc := `"` + value + `"`
	if !raw {
		e, _ := json.Marshal(value)
		enc = string(e)
	}
	return strings.Replace(string(out), `"`+mark+`"`, enc, 1)
}

func cloneJSON(m map[string]any) map[string]any {
	b, _ := json.Marshal(m)
	var out map[string]any
	json.Unmarshal(b, &out)
	return out
}

func setPath(m map[string]any, path []string, v string) {
	key, list := strings.CutSuffix(path[0], "[]")
	switch {
	case len(path) == 1 && list:
		m[key] = []any{v}
	case len(path) == 1:
		m[key] = v
	case list:
		sub := map[string]any{}
		setPath(sub, path[1:], v)
		m[key] = []any{sub}
	default:
		sub := map[string]any{}
		setPath(sub, path[1:], v)
		m[key] = sub
	}
}

// TestInvalidUTF8BodyIsRefused: a body that is not UTF-8 is refused with
// a 400 that says so, in the caller's language, before anything is done.
func TestInvalidUTF8BodyIsRefused(t *testing.T) {
	e := newEnv(t)
	for lang, want := range map[string]string{"fr-CA": "UTF-8 valide", "en": "valid UTF-8"} {
		w := e.call(http.MethodPost, "/api/v1/notes?lang="+lang, "alice", "{\"title\":\"Caf\xe9\",\"visibility\":\"public\"}")
		if w.Code != http.StatusBadRequest {
			t.Fatalf("%s: %d %s", lang, w.Code, w.Body.String())
		}
		m := decodeBody(t, w)
		errObj, _ := m["error"].(map[string]any)
		if errObj["code"] != "invalid" || !strings.Contains(fmt.Sprint(errObj["message"]), want) {
			t.Fatalf("%s: %v", lang, errObj)
		}
	}
	if w := e.call(http.MethodGet, "/api/v1/notes?q=Caf", "alice", ""); strings.Contains(w.Body.String(), "Caf") {
		t.Fatal("the refused note was created")
	}
	if !utf8.ValidString(e.call(http.MethodGet, "/api/v1/notes", "alice", "").Body.String()) {
		t.Fatal("a list answered bytes that are not UTF-8")
	}
}

// TestSavedTextIsClean: what a caller sends with line breaks, NUL and
// bidi overrides in a title comes back as one clean line, and a body
// keeps its lines but loses the rest.
func TestSavedTextIsClean(t *testing.T) {
	e := newEnv(t)
	w := e.call(http.MethodPost, "/api/v1/notes", "alice",
		`{"title":"Ordre\r\ndu\u0000 jour \u202eTXT.exe","body":"ligne 1\r\nligne\u0000 2\u202e","visibility":"public","tags":["a\nb\u0000"]}`)
	if w.Code != http.StatusCreated {
		t.Fatalf("%d %s", w.Code, w.Body.String())
	}
	m := decodeBody(t, w)
	if m["title"] != "Ordre du jour TXT.exe" || m["body"] != "ligne 1\nligne 2" {
		t.Fatalf("title %q, body %q", m["title"], m["body"])
	}
	tags, _ := m["tags"].([]any)
	if len(tags) != 1 || !strings.Contains(fmt.Sprint(tags[0]), "a b") {
		t.Fatalf("tags %v", tags)
	}
}
