package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type tokenCreate struct {
	Name string `json:"name" required:"true" doc:"what the token is for, at most 100 characters"`
}

func (s *server) listTokens(w http.ResponseWriter, r *http.Request) error {
	p, err := page(r)
	if err != nil {
		return err
	}
	ts, err := s.svc.Tokens(r.Context(), viewerOf(r))
	if err != nil {
		return err
	}
	items := make([]tokenJSON, 0, len(ts))
	for _, t := range window(ts, p) {
		items = append(items, tokenJSON{ID: t.ID, Name: t.Name, CreatedAt: stamp(t.CreatedAt), LastUsedAt: stampPtr(t.LastUsedAt)})
	}
	s.writeJSON(w, http.StatusOK, newList(items, len(ts), p))
	return nil
}

func (s *server) createToken(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in tokenCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	plain, t, err := s.svc.CreateToken(r.Context(), v, in.Name)
	if err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/tokens/"+t.ID)
	s.writeJSON(w, http.StatusCreated, newTokenJSON{ID: t.ID, Name: t.Name, Token: plain, CreatedAt: stamp(t.CreatedAt)})
	return nil
}

func (s *server) deleteToken(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RevokeToken(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	noContent(w)
	return nil
}
