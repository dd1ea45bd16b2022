package web

import (
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

// blockData feeds the page that blocks or unblocks one person: it says
// what blocking does before doing it.
type blockData struct {
	P       *maillage.User
	Blocked bool
}

// blockPersonForm is reached from a profile's "block / unblock" button.
func (s *server) blockPersonForm(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	u, err := s.svc.Profile(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if u.ID == st.Viewer.UserID {
		s.fail(w, r, maillage.Errorf(maillage.CodeInvalid, "block.self"))
		return
	}
	blocked, err := s.svc.HasBlocked(r.Context(), st.Viewer, u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := st.L.T("web.blocks.block_title", map[string]any{"Name": u.Name})
	if blocked {
		title = st.L.T("web.blocks.unblock_title", map[string]any{"Name": u.Name})
	}
	s.render(w, r, http.StatusOK, view{Template: "messages_block", Title: title, Nav: "people",
		Data: blockData{P: u, Blocked: blocked}})
}

func (s *server) blockPerson(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.BlockPerson(r.Context(), state(r).Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/people/"+url.PathEscape(id), "web.blocks.blocked")
}

// unblockPerson lifts a block, from the profile or from the list of
// blocked people (which it then returns to).
func (s *server) unblockPerson(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := s.svc.UnblockPerson(r.Context(), state(r).Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	to := "/people/" + url.PathEscape(id)
	if r.PostForm.Get("next") == "/settings/blocks" {
		to = "/settings/blocks"
	}
	s.redirect(w, r, to, "web.blocks.unblocked")
}

type blocksData struct {
	Blocks []maillage.UserBlock
	Pager  pager
}

// blockedPeople is /settings/blocks: the people the viewer has blocked.
func (s *server) blockedPeople(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st := state(r)
	n, page := pageOf(r)
	list, total, err := s.svc.BlockedPeople(r.Context(), st.Viewer, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "messages_blocks", Title: st.L.T("web.blocks.title"), Nav: "settings",
		Data: blocksData{Blocks: list, Pager: newPager(r, n, total)}})
}
