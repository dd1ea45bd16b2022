package api

import (
	"net/http"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// acquaintanceJSON is where the caller and another person stand.
type acquaintanceJSON struct {
	UserID     string     `json:"user_id"`
	Name       string     `json:"name,omitempty"`
	Kind       string     `json:"kind" doc:"know or worked_with"`
	State      string     `json:"state" doc:"asked (by the caller), asks_you, or accepted"`
	CreatedAt  time.Time  `json:"created_at"`
	AcceptedAt *time.Time `json:"accepted_at,omitempty"`
}

type acquaintanceList struct {
	Acquaintances []acquaintanceJSON `json:"acquaintances"`
}

type acquaintanceDeclare struct {
	Kind string `json:"kind" doc:"know or worked_with"`
}

type acquaintanceAnswer struct {
	Accept bool `json:"accept"`
}

func acquaintanceOf(a *maillage.Acquaintance, me string) acquaintanceJSON {
	return acquaintanceJSON{UserID: a.Other(me), Kind: string(a.Kind), State: string(service.StateFor(a, me)),
		CreatedAt: a.CreatedAt, AcceptedAt: a.AcceptedAt}
}

func (s *server) declareAcquaintance(w http.ResponseWriter, r *http.Request) error {
	var in acquaintanceDeclare
	if err := decode(r, &in, false); err != nil {
		return err
	}
	v := viewerOf(r)
	a, err := s.svc.DeclareAcquaintance(r.Context(), v, r.PathValue("id"), maillage.AcquaintanceKind(in.Kind))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, acquaintanceOf(a, v.UserID))
	return nil
}

func (s *server) answerAcquaintance(w http.ResponseWriter, r *http.Request) error {
	var in acquaintanceAnswer
	if err := decode(r, &in, false); err != nil {
		return err
	}
	v := viewerOf(r)
	if err := s.svc.AnswerAcquaintance(r.Context(), v, r.PathValue("id"), in.Accept); err != nil {
		return err
	}
	out := acquaintanceJSON{UserID: r.PathValue("id"), State: "none"}
	if a, err := s.svc.AcquaintanceWith(r.Context(), v, r.PathValue("id")); err != nil {
		return err
	} else if a != nil {
		out = acquaintanceOf(a, v.UserID)
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) deleteAcquaintance(w http.ResponseWriter, r *http.Request) error {
	if err := s.svc.RemoveAcquaintance(r.Context(), viewerOf(r), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *server) listAcquaintances(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	list, people, err := s.svc.Acquaintances(r.Context(), v)
	if err != nil {
		return err
	}
	out := acquaintanceList{Acquaintances: make([]acquaintanceJSON, len(list))}
	for i := range list {
		j := acquaintanceOf(&list[i], v.UserID)
		j.Name = people[j.UserID].Name
		out.Acquaintances[i] = j
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}
