package web

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// recruitEnv is a private community managed by Aline, with Bruno as a
// member and Carole outside it; the worker also sends recruitment emails.
type recruitEnv struct {
	*env
	c                     *maillage.Community
	aline, bruno, carole  *maillage.User
	asAline, asBruno, asC *client
}

func newRecruitEnv(t *testing.T) *recruitEnv {
	t.Helper()
	e := &recruitEnv{env: newEnv(t)}
	bundle, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	om, err := mail.NewOutbox(e.Outbox, "maillage@example.org")
	if err != nil {
		t.Fatal(err)
	}
	mailer := &service.Mailer{Mail: om, Bundle: bundle, From: "maillage@example.org", BaseURL: e.URL}
	e.worker.Handlers[service.JobRecruitmentEmail] = (&service.RecruitmentMailer{Service: e.Svc, Mailer: mailer}).Handle
	ctx := context.Background()
	e.aline = e.user("Aline Animatrice", "aline@exemple.org")
	e.bruno = e.user("Bruno Membre", "bruno@exemple.org")
	e.carole = e.user("Carole Ailleurs", "carole@exemple.org")
	for _, u := range []*maillage.User{e.aline, e.bruno, e.carole} {
		if _, err := e.Svc.UpdateProfile(ctx, e.viewer(u.ID), u.ID, maillage.ProfileInput{Name: u.Name, Language: "fr-CA",
			ProfileVisibility: "public", Contact: "messages"}); err != nil {
			t.Fatal(err)
		}
	}
	e.c, err = e.Svc.CreateCommunity(ctx, e.viewer(e.aline.ID), maillage.CommunityInput{Name: "CdP Numérique",
		Description: "Se réunir aux deux mois sur la transformation numérique.", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	inv, err := e.Svc.AddMember(ctx, e.viewer(e.aline.ID), e.c.ID, e.bruno.ID, maillage.RoleMember)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Svc.AnswerInvitation(ctx, e.viewer(inv.UserID), e.c.ID, true); err != nil {
		t.Fatal(err)
	}
	e.asAline, e.asBruno, e.asC = e.client(), e.client(), e.client()
	e.asAline.signIn("aline@exemple.org", "mot de passe solide")
	e.asBruno.signIn("bruno@exemple.org", "mot de passe solide")
	e.asC.signIn("carole@exemple.org", "mot de passe solide")
	return e
}

var joinLinkRE = regexp.MustCompile(`/join/([A-Za-z0-9_-]+)`)

// joinLinks returns the invitation links emailed to addr, oldest first.
func (e *recruitEnv) joinLinks(addr string) []string {
	e.t.Helper()
	e.drain()
	files, _ := filepath.Glob(filepath.Join(e.Outbox, "*.eml"))
	var out []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			e.t.Fatal(err)
		}
		text := strings.ReplaceAll(strings.ReplaceAll(string(raw), "=\r\n", ""), "=\n", "")
		head, _, _ := strings.Cut(text, "\r\n\r\n")
		if !strings.Contains(head, addr) {
			continue
		}
		if m := joinLinkRE.FindString(text); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// TestRecruitmentPageIsForManagersOnly: the Recrutement page and a
// candidate's page are 404 to members, outsiders and visitors, like an
// absent community; the community page links to it for managers only.
func TestRecruitmentPageIsForManagersOnly(t *testing.T) {
	e := newRecruitEnv(t)
	cand, err := e.Svc.AddCandidate(context.Background(), e.viewer(e.aline.ID), e.c.ID, maillage.CandidateInput{
		Email: "amelie@exemple.org", Name: "Amélie Secrète", Note: "Appelée le 3 mars, intéressée"})
	if err != nil {
		t.Fatal(err)
	}
	page := "/communities/" + e.c.ID + "/recruitment"
	r := e.asAline.get(page)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Recrutement", "Amélie Secrète", "Appelée le 3 mars")
	r = e.asAline.get(page + "/" + cand.ID)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Journal de suivi", "Appelée le 3 mars, intéressée")
	mustContain(t, e.asAline.get("/communities/"+e.c.ID), `href="/communities/`+e.c.ID+`/recruitment"`)
	mustNotContain(t, e.asBruno.get("/communities/"+e.c.ID), "/recruitment")
	absent := e.client().get("/communities/01zzzzzzzzzzzzzzzzzzzzzz03/recruitment")
	for name, c := range map[string]*client{"member": e.asBruno, "outsider": e.asC, "visitor": e.client()} {
		for _, p := range []string{page, page + "/" + cand.ID, page + "?status=identified"} {
			r := c.get(p)
			if r.Status != http.StatusNotFound {
				t.Errorf("%s GET %s: %d, want 404", name, p, r.Status)
			}
			mustNotContain(t, r, "Amélie", "Appelée")
		}
		// Their forms change nothing and answer the same 404.
		for _, p := range []string{page + "/candidates", page + "/invite", page + "/remind", page + "/" + cand.ID, page + "/" + cand.ID + "/delete"} {
			r := c.post(p, url.Values{"email": {"x@exemple.org"}, "candidate_ids": {cand.ID}, "candidate_status": {"declined"}})
			if name != "visitor" && r.Status != http.StatusNotFound {
				t.Errorf("%s POST %s: %d, want 404", name, p, r.Status)
			}
		}
	}
	if absent.Status != http.StatusNotFound {
		t.Errorf("absent community: %d", absent.Status)
	}
	list, _, err := e.Svc.Shortlist(context.Background(), e.viewer(e.aline.ID), e.c.ID, "")
	if err != nil || len(list) != 1 || list[0].Status != maillage.CandidateIdentified {
		t.Errorf("the others' forms changed the shortlist: %+v %v", list, err)
	}
}

// TestRecruitmentWorkflowPages adds candidates (found by search and by
// address), refuses bad input keeping what was typed, updates a
// candidate, invites a selection, and answers invitations through the
// emailed link: declined signed out, accepted signed in; used and unknown
// links get pages that say so.
func TestRecruitmentWorkflowPages(t *testing.T) {
	e := newRecruitEnv(t)
	page := "/communities/" + e.c.ID + "/recruitment"

	// Bad input: the form comes back with the message and what was typed.
	r := e.asAline.post(page+"/candidates", url.Values{"name": {"Amélie Roy"}, "email": {"amelie@exemple"},
		"candidate_source": {"free"}, "candidate_note": {"Rencontrée au colloque"}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "Amélie Roy", "Rencontrée au colloque", "adresse")
	r = e.asAline.post(page+"/candidates", url.Values{"name": {"Amélie Roy"}, "email": {"amelie@exemple.org"},
		"candidate_source": {"nomination"}, "candidate_source_detail": {"nommée par Bruno"}, "candidate_labels": {"Recherche, Montréal"},
		"candidate_note": {"Rencontrée au colloque"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Amélie Roy", "nommée par Bruno", "Recherche", "Rencontrée au colloque")
	// Twice: a conflict that adds nobody.
	r = e.asAline.post(page+"/candidates", url.Values{"email": {"amelie@exemple.org"}})
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "déjà dans la liste")

	// Found by search, added in one click.
	r = e.asAline.get(page + "?find=Carole")
	mustContain(t, r, "Carole Ailleurs", `name="user_id" value="`+e.carole.ID+`"`)
	r = e.asAline.post(page+"/candidates", url.Values{"user_id": {e.carole.ID}, "candidate_source": {"search"}})
	wantStatus(t, r, http.StatusOK)
	list, _, err := e.Svc.Shortlist(context.Background(), e.viewer(e.aline.ID), e.c.ID, "")
	if err != nil || len(list) != 2 {
		t.Fatalf("shortlist: %+v %v", list, err)
	}
	var amelie, carole string
	for _, c := range list {
		if c.UserID == e.carole.ID {
			carole = c.ID
		} else {
			amelie = c.ID
		}
	}

	// A candidate's page: status and a dated note.
	r = e.asAline.post(page+"/"+amelie, url.Values{"candidate_status": {"contacted"}, "candidate_source": {"nomination"},
		"candidate_note": {"Appelée le 3 mars, intéressée"}})
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "Appelée le 3 mars, intéressée", "Contacté·e")

	// Invite a selection: bad addresses send nothing and keep the message.
	sel := url.Values{"candidate_ids": {amelie, carole}, "invite_emails": {"nouveau@exemple.org, pas-valide"},
		"message": {"Nous aimerions vous compter parmi nous."}, "invite_attachment": {"description"}}
	r = e.asAline.post(page+"/invite", sel)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	mustContain(t, r, "pas-valide", "Nous aimerions vous compter parmi nous.", "aucune invitation")
	if n := len(e.joinLinks("nouveau@exemple.org")); n != 0 {
		t.Fatalf("bad input sent %d emails", n)
	}
	sel.Set("invite_emails", "nouveau@exemple.org\nbruno@exemple.org")
	r = e.asAline.post(page+"/invite", sel)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "4 invitations sont parties.")
	// A double click: nothing new.
	r = e.asAline.post(page+"/invite", sel)
	mustContain(t, r, "a déjà une invitation en attente de réponse")
	for _, addr := range []string{"amelie@exemple.org", "carole@exemple.org", "nouveau@exemple.org"} {
		if n := len(e.joinLinks(addr)); n != 1 {
			t.Errorf("%d emails to %s, want 1", n, addr)
		}
	}

	// The link works signed out: it shows the community and the message.
	visitor := e.client()
	link := e.joinLinks("amelie@exemple.org")[0]
	r = visitor.get(link)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "CdP Numérique", "Aline Animatrice", "Nous aimerions vous compter parmi nous.", "Créer mon compte et accepter",
		`/signup?invitation=`)
	// Declining needs no account; the link then says it was answered.
	r = visitor.post(link+"/decline", nil)
	wantStatus(t, r, http.StatusOK)
	mustContain(t, r, "vous avez décliné l’invitation", "a été déclinée le")
	r = visitor.post(link+"/accept", nil)
	if r.URL.Path != "/signin" {
		t.Errorf("accepting signed out leads to %s", r.URL)
	}
	r = e.asC.post(link+"/accept", nil)
	wantStatus(t, r, http.StatusConflict)
	mustContain(t, r, "Cette invitation a déjà reçu une réponse.")
	// Carole accepts hers signed in.
	r = e.asC.post(e.joinLinks("carole@exemple.org")[0]+"/accept", nil)
	wantStatus(t, r, http.StatusOK)
	if r.URL.Path != "/communities/"+e.c.ID {
		t.Errorf("after accepting: %s", r.URL)
	}
	mustContain(t, r, "Bienvenue")
	// An unknown link.
	r = visitor.get("/join/pas-un-lien-valide")
	wantStatus(t, r, http.StatusNotFound)
	mustContain(t, r, "Ce lien d’invitation n’existe pas")
	// The shortlist follows the answers.
	r = e.asAline.get(page)
	mustContain(t, r, "A décliné", "A accepté")
	r = e.asAline.get(page + "?status=declined")
	mustContain(t, r, "Amélie Roy")
	mustNotContain(t, r, "Carole Ailleurs")

	// English pages.
	e.asAline.lang = "en"
	r = e.asAline.get(page + "?lang=en")
	mustContain(t, r, "Recruitment", "Declined", "Invite by email")
}
