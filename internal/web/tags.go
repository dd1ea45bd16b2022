package web

import (
	"github.com/maillage/maillage/internal/graph"
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// tagPerList is how many items of each kind a tag page shows before
// "see all" links to the filtered directory.
const tagPerList = 6

func (s *server) tag(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	t, redirected, err := s.svc.ResolveTag(r.Context(), st.Viewer, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if redirected {
		// An old slug, a synonym's or a label: the tag lives at its slug.
		to := "/tags/" + url.PathEscape(t.Slug)
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	desc := r.URL.Query().Get("descendants") == "1"
	p, err := s.svc.TagPage(r.Context(), st.Viewer, t.Slug, service.TagPageOptions{PerList: tagPerList, Descendants: desc})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := p.Tag.DisplayLabel(st.L.Lang())
	d := tagData{TagPage: p, Follow: s.followButton(r, maillage.FollowTag, p.Tag.ID, title),
		Curator: maillage.CanCurate(st.Viewer), Query: ""}
	if desc {
		d.Query = "&descendants=1"
	}
	// The key actors lead the page; the rest of it stands without them.
	if d.KeyActors, err = s.keyActors(r, t.Slug, desc, graph.OrderCombined, tagKeyActors); err != nil {
		s.log.Warn("tag page: key actors", "tag", t.Slug, "err", err)
	}
	if d.Follow.SignedIn {
		if d.FollowDescendants, err = s.svc.FollowsDescendants(r.Context(), st.Viewer, p.Tag.ID); err != nil {
			s.log.Warn("tag follow", "err", err)
		}
	}
	s.render(w, r, http.StatusOK, view{Template: "tag", Title: title, Data: d})
}

// tagData is a tag's page with its follow button.
type tagData struct {
	*service.TagPage
	Follow followButton
	// FollowDescendants says the viewer follows the tags below too.
	FollowDescendants bool
	// Curator shows the link to the tag's management page.
	Curator bool
	// Query carries the descendants choice into the "see all" links.
	Query string
	// KeyActors are the theme's first key actors, or nil.
	KeyActors *keyActorsData
}

// maxSuggestions keeps the suggestion list short enough to scan.
const maxSuggestions = 8

// suggestData is the htmx fragment's data.
type suggestData struct {
	L    *i18n.Localizer
	Tags []maillage.Tag
	For  string // id of the input the suggestions complete
}

// suggestTags answers the tag field's htmx request with suggestions for
// the term being typed: the text after the last comma. The field sends
// its own value under its name, given by ?field=; ?q= works too.
func (s *server) suggestTags(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	field := q.Get("field")
	text := q.Get("q")
	if text == "" && field != "" {
		text = q.Get(field)
	}
	if i := strings.LastIndexAny(text, ",;"); i >= 0 {
		text = text[i+1:]
	}
	text = maillage.CleanTagLabel(text)
	var tags []maillage.Tag
	if text != "" {
		var err error
		if tags, err = s.svc.AutocompleteTags(r.Context(), state(r).Viewer, text, maxSuggestions); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.renderFragment(w, r, "tag_suggestions", suggestData{L: state(r).L, Tags: tags, For: fieldID(field)})
}
