package web

import (
	"context"
	"net/http"
	"net/url"

	"github.com/maillage/maillage/internal/maillage"
)

// nbRoleArea tells the members page which kind of item it serves:
// notebooks and knowledge bases share their roles and this page.
type nbRoleArea struct {
	// Base is the item's page ("/notebooks/ID").
	Base string
	// Title is the item's title.
	Title   string
	Members []maillage.NotebookMember
	// CanManage shows the forms to add people and change roles.
	CanManage bool
	// Self is the viewer's own user ID, for the "leave" button.
	Self string
	// Invitations are the invitations sent and not accepted, for
	// managers: invitees hold no role until they accept.
	Invitations []maillage.Invitation
}

// nbRoleOps are the service calls of one kind of item.
type nbRoleOps struct {
	base    string
	kind    maillage.InvitationKind
	load    func(ctx context.Context, v maillage.Viewer, id string) (title string, canManage bool, err error)
	members func(ctx context.Context, v maillage.Viewer, id string) ([]maillage.NotebookMember, error)
	add     func(ctx context.Context, v maillage.Viewer, id, userID string, role maillage.NotebookRole) (*maillage.Invitation, error)
	remove  func(ctx context.Context, v maillage.Viewer, id, userID string) error
}

func (s *server) notebookRoles() nbRoleOps {
	return nbRoleOps{base: "/notebooks/", kind: maillage.InviteNotebook,
		load: func(ctx context.Context, v maillage.Viewer, id string) (string, bool, error) {
			nb, err := s.svc.Notebook(ctx, v, id)
			if err != nil {
				return "", false, err
			}
			return nb.Title, maillage.CanEditContent(v, nb.Access()), nil
		},
		members: s.svc.NotebookMembers, add: s.svc.AddNotebookMember, remove: s.svc.RemoveNotebookMember}
}

func (s *server) knowledgeBaseRoles() nbRoleOps {
	return nbRoleOps{base: "/knowledge-bases/", kind: maillage.InviteKnowledgeBase,
		load: func(ctx context.Context, v maillage.Viewer, id string) (string, bool, error) {
			k, err := s.svc.KnowledgeBase(ctx, v, id)
			if err != nil {
				return "", false, err
			}
			return k.Title, maillage.CanEditContent(v, k.Access()), nil
		},
		members: s.svc.KnowledgeBaseMembers, add: s.svc.AddKnowledgeBaseMember, remove: s.svc.RemoveKnowledgeBaseMember}
}

func (s *server) notebookMembers(w http.ResponseWriter, r *http.Request) {
	s.renderItemRoles(w, r, s.notebookRoles(), http.StatusOK, newForm(nil))
}

func (s *server) knowledgeBaseMembers(w http.ResponseWriter, r *http.Request) {
	s.renderItemRoles(w, r, s.knowledgeBaseRoles(), http.StatusOK, newForm(nil))
}

func (s *server) renderItemRoles(w http.ResponseWriter, r *http.Request, ops nbRoleOps, status int, f *form) {
	st, id := state(r), r.PathValue("id")
	title, canManage, err := ops.load(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	members, err := ops.members(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := nbRoleArea{Base: ops.base + id, Title: title, Members: members, CanManage: canManage, Self: st.Viewer.UserID}
	if canManage {
		if d.Invitations, err = s.svc.ItemInvitations(r.Context(), st.Viewer, ops.kind, id); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	relabelNotebookErrors(f, st.L.T)
	s.render(w, r, status, view{Template: "notebook_members", Title: st.L.T("web.notebook.members_title", map[string]any{"Title": title}),
		Nav: "notebooks", Form: f, Data: d})
}

func (s *server) addNotebookMember(w http.ResponseWriter, r *http.Request) {
	s.addItemRole(w, r, s.notebookRoles())
}

func (s *server) addKnowledgeBaseMember(w http.ResponseWriter, r *http.Request) {
	s.addItemRole(w, r, s.knowledgeBaseRoles())
}

func (s *server) addItemRole(w http.ResponseWriter, r *http.Request, ops nbRoleOps) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	userID := personID(r.PostForm.Get("user_id"))
	var err error
	var inv *maillage.Invitation
	if userID == "" {
		err = &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
			Fields: []maillage.FieldError{{Field: "user_id", MessageID: "field.required"}}}
	} else {
		inv, err = ops.add(r.Context(), st.Viewer, id, userID, maillage.NotebookRole(r.PostForm.Get("role")))
	}
	if err != nil {
		f := newForm(r.PostForm)
		if e := maillage.AsError(err); len(e.Fields) > 0 && f.apply(st.L, err) {
			s.renderItemRoles(w, r, ops, http.StatusUnprocessableEntity, f)
			return
		}
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, ops.base+url.PathEscape(id)+"/members", sentFlash(inv, "web.notebook.member_added"))
}

func (s *server) changeNotebookRole(w http.ResponseWriter, r *http.Request) {
	s.setItemRole(w, r, s.notebookRoles())
}

func (s *server) changeKnowledgeBaseRole(w http.ResponseWriter, r *http.Request) {
	s.setItemRole(w, r, s.knowledgeBaseRoles())
}

// setItemRole sets the role of someone already listed.
func (s *server) setItemRole(w http.ResponseWriter, r *http.Request, ops nbRoleOps) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	inv, err := ops.add(r.Context(), state(r).Viewer, id, r.PathValue("user"), maillage.NotebookRole(r.PostForm.Get("role")))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, ops.base+url.PathEscape(id)+"/members", sentFlash(inv, "web.notebook.role_changed"))
}

func (s *server) removeNotebookMember(w http.ResponseWriter, r *http.Request) {
	s.removeItemRole(w, r, s.notebookRoles())
}

func (s *server) removeKnowledgeBaseMember(w http.ResponseWriter, r *http.Request) {
	s.removeItemRole(w, r, s.knowledgeBaseRoles())
}

// removeItemRole takes someone's role away, or lets the viewer leave; after
// leaving a private item, its page may be gone for them: back to the list.
func (s *server) removeItemRole(w http.ResponseWriter, r *http.Request, ops nbRoleOps) {
	if !s.requireSignedIn(w, r) {
		return
	}
	st, id, user := state(r), r.PathValue("id"), r.PathValue("user")
	if err := ops.remove(r.Context(), st.Viewer, id, user); err != nil {
		s.fail(w, r, err)
		return
	}
	to := ops.base + url.PathEscape(id) + "/members"
	if user == st.Viewer.UserID {
		to = ops.base + url.PathEscape(id)
		if _, _, err := ops.load(r.Context(), st.Viewer, id); maillage.IsNotFound(err) {
			to = ops.base[:len(ops.base)-1]
		}
	}
	s.redirect(w, r, to, "web.notebook.member_removed")
}
