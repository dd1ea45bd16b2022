package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type blockCreate struct {
	UserID string `json:"user_id" required:"true" doc:"the person who may no longer write to the caller"`
}

type userBlockJSON struct {
	UserID    string `json:"user_id"`
	Name      string `json:"name"`
	CreatedAt string `json:"created_at"`
}

func (s *server) listBlocks(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	p, err := page(r)
	if err != nil {
		return err
	}
	list, total, err := s.svc.BlockedPeople(r.Context(), v, p)
	if err != nil {
		return err
	}
	items := make([]userBlockJSON, len(list))
	for i, b := range list {
		items[i] = userBlockJSON{UserID: b.BlockedID, Name: b.BlockedName, CreatedAt: stamp(b.CreatedAt)}
	}
	s.writeJSON(w, http.StatusOK, newList(items, total, p))
	return nil
}

func (s *server) createBlock(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in blockCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	if in.UserID == "" {
		return invalidField("user_id", "field.required")
	}
	if err := s.svc.BlockPerson(r.Context(), v, in.UserID); err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/me/blocks")
	noContent(w)
	return nil
}

func (s *server) deleteBlock(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.UnblockPerson(r.Context(), viewerOf(r), r.PathValue("user_id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
