package web

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

type actorsData struct {
	Query, Kind, Tag string
	Kinds            []option
	Actors           []maillage.Actor
	Pager            pager
	// Answers: the viewer answers requests about cards (the queue).
	Answers bool
}

// actors is the directory of cards the viewer may see.
func (s *server) actors(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	q := r.URL.Query()
	d := actorsData{Query: strings.TrimSpace(q.Get("q")), Kind: q.Get("kind"), Tag: strings.TrimSpace(q.Get("tag")),
		Kinds: actorKindOptions(st.L)}
	if d.Kind != "" && d.Kind != string(maillage.ActorPerson) && d.Kind != string(maillage.ActorOrganization) {
		d.Kind = ""
	}
	n, page := pageOf(r)
	list, total, err := s.svc.Actors(r.Context(), st.Viewer, service.ActorFilter{Query: d.Query, Kind: d.Kind, Tag: d.Tag, Page: page})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Actors, d.Pager = list, newPager(r, n, total)
	d.Answers = st.Viewer.SignedIn() && s.svc.HasActorRequestsToAnswer(st.Viewer)
	s.render(w, r, http.StatusOK, view{Template: "actors", Title: st.L.T("actors.web.title"), Nav: "actors", Data: d})
}

func actorKindOptions(l *i18n.Localizer) []option {
	return []option{{Value: string(maillage.ActorPerson), Label: l.T("actors.kind.person")},
		{Value: string(maillage.ActorOrganization), Label: l.T("actors.kind.organization")}}
}

func actorVisibilityOptions(l *i18n.Localizer) []option {
	var out []option
	for _, v := range maillage.ActorVisibilities() {
		out = append(out, option{Value: v, Label: l.T("actors.visibility." + v)})
	}
	return out
}

// actorData feeds a card's page.
type actorData struct {
	*service.ActorPage
	A *maillage.Actor
}

func (s *server) actor(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	p, err := s.svc.ActorPage(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "actor", Title: p.Actor.Name, Nav: "actors", Form: newForm(nil),
		Data: actorData{ActorPage: p, A: p.Actor}})
}

// claimActor takes the card over (a matching address) or asks for it.
func (s *server) claimActor(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	res, err := s.svc.ClaimActor(r.Context(), st.Viewer, id, r.PostForm.Get("message"))
	if err != nil {
		s.actorPageError(w, r, err)
		return
	}
	if res.Claimed {
		s.redirect(w, r, "/people/"+url.PathEscape(st.Viewer.UserID), "actors.web.claimed")
		return
	}
	s.redirect(w, r, "/actors/"+url.PathEscape(id), "actors.web.claim_requested")
}

// requestActorChange files a Law 25 request for correction or removal.
func (s *server) requestActorChange(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	_, err := s.svc.RequestActorChange(r.Context(), st.Viewer, id, maillage.ActorRequestKind(r.PostForm.Get("kind")), r.PostForm.Get("message"))
	if err != nil {
		s.actorPageError(w, r, err)
		return
	}
	s.redirect(w, r, "/actors/"+url.PathEscape(id), "actors.web.request_sent")
}

// actorPageError shows the card again with the error of a form posted
// from it (nothing typed is lost), or the error page.
func (s *server) actorPageError(w http.ResponseWriter, r *http.Request, err error) {
	st := state(r)
	f := newForm(r.PostForm)
	if !f.apply(st.L, err) {
		s.fail(w, r, err)
		return
	}
	p, perr := s.svc.ActorPage(r.Context(), st.Viewer, r.PathValue("id"))
	if perr != nil {
		s.fail(w, r, perr)
		return
	}
	relabelActorErrors(f, st.L)
	s.render(w, r, formStatus(err), view{Template: "actor", Title: p.Actor.Name, Nav: "actors", Form: f,
		Data: actorData{ActorPage: p, A: p.Actor}})
}

// attachNote attaches one of the viewer's notes to the card, or detaches it.
func (s *server) attachNote(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	actorID := id
	if r.PostForm.Get("detach") == "1" {
		actorID = ""
	}
	if err := s.svc.AttachNoteToActor(r.Context(), st.Viewer, r.PostForm.Get("note_id"), actorID); err != nil {
		s.actorPageError(w, r, err)
		return
	}
	s.redirect(w, r, "/actors/"+url.PathEscape(id), "actors.web.note_attached")
}

// deleteActorConfirm asks before removing a card.
func (s *server) deleteActorConfirm(w http.ResponseWriter, r *http.Request) {
	a, ok := s.editableActor(w, r)
	if !ok {
		return
	}
	st := state(r)
	s.render(w, r, http.StatusOK, view{Template: "actor_delete", Title: st.L.T("actors.web.delete_title", map[string]any{"Name": a.Name}),
		Nav: "actors", Data: a})
}

func (s *server) deleteActor(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	if err := s.svc.DeleteActor(r.Context(), state(r).Viewer, r.PathValue("id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/actors", "actors.web.deleted")
}

// editableActor loads the card of the path for a page that edits it,
// answering itself (sign in, 404, 403) when it cannot.
func (s *server) editableActor(w http.ResponseWriter, r *http.Request) (*maillage.Actor, bool) {
	st := state(r)
	a, err := s.svc.Actor(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return nil, false
	}
	if !s.requireSignedIn(w, r) {
		return nil, false
	}
	if !maillage.CanEditActor(st.Viewer, a.Access()) {
		s.fail(w, r, maillage.ErrForbidden)
		return nil, false
	}
	return a, true
}

// actorRequestRow is one request of the queue, with its delay.
type actorRequestRow struct {
	maillage.ActorRequest
	Overdue bool
	// DaysLeft counts the days until it is due (0 on the day).
	DaysLeft int
}

func actorRequestsView(list []maillage.ActorRequest, now time.Time) []actorRequestRow {
	out := make([]actorRequestRow, len(list))
	for i, r := range list {
		out[i] = actorRequestRow{ActorRequest: r, Overdue: r.Overdue(now), DaysLeft: int(r.DueAt.Sub(now).Hours() / 24)}
	}
	return out
}

// actorRequests is the queue of claims and Law 25 requests the viewer
// answers, due first.
func (s *server) actorRequests(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	list, err := s.svc.ActorRequests(r.Context(), st.Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "actor_requests", Title: st.L.T("actors.requests.title"), Nav: "actors",
		Data: actorRequestsView(list, time.Now())})
}

func (s *server) answerActorRequest(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	approve := r.PostForm.Get("decision") == "approve"
	if err := s.svc.AnswerActorRequest(r.Context(), st.Viewer, r.PathValue("id"), approve, r.PostForm.Get("answer")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/actors/requests", "actors.requests.answered")
}
