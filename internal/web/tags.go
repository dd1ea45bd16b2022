package web

import (
	"net/http"
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
	p, err := s.svc.Tag(r.Context(), st.Viewer, r.PathValue("slug"), tagPerList)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	title := p.Tag.DisplayLabel(st.L.Lang())
	s.render(w, r, http.StatusOK, view{Template: "tag", Title: title,
		Data: tagData{TagPage: p, Follow: s.followButton(r, maillage.FollowTag, p.Tag.ID, title)}})
}

// tagData is a tag's page with its follow button.
type tagData struct {
	*service.TagPage
	Follow followButton
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
