package api

import (
	"net/http"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// knowledgeBaseCreate starts a knowledge base; the caller manages it.
type knowledgeBaseCreate struct {
	Title       string  `json:"title" required:"true"`
	Description string  `json:"description" doc:"Markdown"`
	Visibility  string  `json:"visibility" required:"true" enum:"public,community,private"`
	CommunityID *string `json:"community_id" doc:"a community the caller belongs to; required for community visibility"`
}

// knowledgeBasePatch edits a knowledge base; omitted fields keep their value.
type knowledgeBasePatch struct {
	Title       *string `json:"title"`
	Description *string `json:"description"`
	Visibility  *string `json:"visibility" enum:"public,community,private"`
	CommunityID *string `json:"community_id" doc:"empty string to unlink"`
	Version     *int    `json:"version" doc:"the version this edit starts from; a stale one answers 409 and nothing is saved"`
}

// knowledgeBaseNotebookAdd puts a notebook in a knowledge base.
type knowledgeBaseNotebookAdd struct {
	NotebookID string `json:"notebook_id" required:"true"`
}

// knowledgeBaseNotebookPatch moves a notebook in a knowledge base.
type knowledgeBaseNotebookPatch struct {
	Move string `json:"move" required:"true" enum:"up,down"`
}

type knowledgeBaseJSON struct {
	ID            string  `json:"id"`
	Title         string  `json:"title"`
	Description   string  `json:"description"`
	Visibility    string  `json:"visibility" enum:"public,community,private"`
	CommunityID   *string `json:"community_id" doc:"the linked community, null when none (or not visible to the caller)"`
	CommunityName string  `json:"community_name,omitempty"`
	Role          *string `json:"role" enum:"manager,contributor" doc:"the caller's role, null when none (always null in lists)"`
	NotebookCount int     `json:"notebook_count" doc:"notebooks in it the caller may see"`
	CreatedAt     string  `json:"created_at" format:"date-time"`
	UpdatedAt     string  `json:"updated_at" format:"date-time"`
	Version       int     `json:"version"`

	Notebooks *[]notebookJSON       `json:"notebooks,omitempty" doc:"single knowledge base only: its notebooks the caller may see, in order"`
	Members   *[]notebookMemberJSON `json:"members,omitempty" doc:"single knowledge base only"`
}

func knowledgeBaseOut(k *maillage.KnowledgeBase, v maillage.Viewer, count int) knowledgeBaseJSON {
	out := knowledgeBaseJSON{ID: k.ID, Title: k.Title, Description: k.Description, Visibility: string(k.Visibility),
		CommunityName: k.CommunityName, NotebookCount: count,
		CreatedAt: stamp(k.CreatedAt), UpdatedAt: stamp(k.UpdatedAt), Version: k.Version}
	if k.CommunityName != "" {
		out.CommunityID = strPtr(k.CommunityID)
	}
	out.Role = callerRole(k.Members, v)
	return out
}

func (s *server) listKnowledgeBases(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	v := viewerOf(r)
	memberID, err := memberFilter(r, v)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	f := service.KnowledgeBaseFilter{Query: strings.TrimSpace(q.Get("q")), CommunityID: strings.TrimSpace(q.Get("community")),
		MemberID: memberID, Page: p}
	list, total, err := s.svc.KnowledgeBases(r.Context(), v, f)
	if err != nil {
		return err
	}
	ids := make([]string, len(list))
	for i, k := range list {
		ids[i] = k.ID
	}
	counts, err := s.svc.KnowledgeBaseNotebookCounts(r.Context(), v, ids...)
	if err != nil {
		return err
	}
	items := make([]knowledgeBaseJSON, len(list))
	for i := range list {
		items[i] = knowledgeBaseOut(&list[i], v, counts[list[i].ID])
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) getKnowledgeBase(w http.ResponseWriter, r *http.Request) error {
	return s.answerKnowledgeBase(w, r, http.StatusOK, r.PathValue("id"))
}

func (s *server) answerKnowledgeBase(w http.ResponseWriter, r *http.Request, status int, id string) error {
	v := viewerOf(r)
	ctx := r.Context()
	k, err := s.svc.KnowledgeBase(ctx, v, id)
	if err != nil {
		return err
	}
	nbs, err := s.svc.KnowledgeBaseNotebooks(ctx, v, id)
	if err != nil {
		return err
	}
	members, err := s.svc.KnowledgeBaseMembers(ctx, v, id)
	if err != nil {
		return err
	}
	ids := make([]string, len(nbs))
	for i, nb := range nbs {
		ids[i] = nb.ID
	}
	counts, err := s.svc.NotebookNoteCounts(ctx, v, ids...)
	if err != nil {
		return err
	}
	out := knowledgeBaseOut(k, v, len(nbs))
	list := make([]notebookJSON, len(nbs))
	for i := range nbs {
		list[i] = notebookOut(&nbs[i], v, counts[nbs[i].ID])
	}
	ms := membersOut(members)
	out.Notebooks, out.Members = &list, &ms
	if status == http.StatusCreated {
		w.Header().Set("Location", Prefix+"/knowledge-bases/"+k.ID)
	}
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) createKnowledgeBase(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in knowledgeBaseCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	k, err := s.svc.CreateKnowledgeBase(r.Context(), v, maillage.NotebookInput{Title: in.Title, Description: in.Description,
		Visibility: in.Visibility, CommunityID: deref(in.CommunityID)})
	if err != nil {
		return err
	}
	return s.answerKnowledgeBase(w, r, http.StatusCreated, k.ID)
}

func (s *server) patchKnowledgeBase(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p knowledgeBasePatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	cur, err := s.svc.KnowledgeBase(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	in := maillage.NotebookInput{Title: cur.Title, Description: cur.Description, Visibility: string(cur.Visibility),
		CommunityID: cur.CommunityID, Version: cur.Version}
	set(&in.Title, p.Title)
	set(&in.Description, p.Description)
	set(&in.Visibility, p.Visibility)
	set(&in.CommunityID, p.CommunityID)
	if p.Version != nil {
		in.Version = *p.Version
	}
	if _, err := s.svc.UpdateKnowledgeBase(r.Context(), v, cur.ID, in); err != nil {
		return err
	}
	return s.answerKnowledgeBase(w, r, http.StatusOK, cur.ID)
}

func (s *server) deleteKnowledgeBase(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.DeleteKnowledgeBase(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) addKnowledgeBaseNotebook(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in knowledgeBaseNotebookAdd
	if err := decode(r, &in, false); err != nil {
		return err
	}
	id := r.PathValue("id")
	added, err := s.svc.AddNotebookToKnowledgeBase(r.Context(), v, id, in.NotebookID)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if added {
		status = http.StatusCreated
	}
	return s.answerKnowledgeBase(w, r, status, id)
}

func (s *server) patchKnowledgeBaseNotebook(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var p knowledgeBaseNotebookPatch
	if err := decode(r, &p, false); err != nil {
		return err
	}
	up, err := direction(p.Move)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if err := s.svc.MoveKnowledgeBaseNotebook(r.Context(), v, id, r.PathValue("notebook_id"), up); err != nil {
		return err
	}
	return s.answerKnowledgeBase(w, r, http.StatusOK, id)
}

func (s *server) removeKnowledgeBaseNotebook(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveNotebookFromKnowledgeBase(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("notebook_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}

func (s *server) listKnowledgeBaseMembers(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	ms, err := s.svc.KnowledgeBaseMembers(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, newList(membersOut(window(ms, p)), len(ms), p))
	return nil
}

func (s *server) addKnowledgeBaseMember(w http.ResponseWriter, r *http.Request) error {
	return s.addRole(w, r, "/knowledge-bases/", s.svc.AddKnowledgeBaseMember)
}

func (s *server) removeKnowledgeBaseMember(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveKnowledgeBaseMember(r.Context(), viewerOf(r), r.PathValue("id"), r.PathValue("user_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
