package api

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

type communityModeJSON struct {
	CommunityID string `json:"community_id"`
	Name        string `json:"name,omitempty"`
	Mode        string `json:"mode" enum:",each,daily,weekly,none" doc:"\"\" follows the default"`
}

// preferencesJSON is how the caller wants email. 'none' stops every
// email and, in the application, the notifications of community-wide
// events; mentions, messages and invitations always arrive in the
// application.
type preferencesJSON struct {
	Default     string              `json:"default" enum:"each,daily,weekly,none" doc:"each: one email per notification; daily, weekly: a digest; none: no email"`
	Communities []communityModeJSON `json:"communities" doc:"one entry per community the caller belongs to"`
}

type preferencesPut struct {
	Default     string                 `json:"default" enum:"each,daily,weekly,none" doc:"omitted: unchanged"`
	Communities []communityModePutJSON `json:"communities" doc:"communities listed get this mode; the others keep theirs"`
}

type communityModePutJSON struct {
	CommunityID string `json:"community_id" required:"true"`
	Mode        string `json:"mode" enum:",each,daily,weekly,none" doc:"\"\" follows the default"`
}

func (s *server) getPreferences(w http.ResponseWriter, r *http.Request) error {
	p, err := s.svc.NotificationPreferences(r.Context(), viewerOf(r))
	if err != nil {
		return err
	}
	out := preferencesJSON{Default: string(p.Default), Communities: []communityModeJSON{}}
	for _, c := range p.Communities {
		out.Communities = append(out.Communities, communityModeJSON{CommunityID: c.CommunityID, Name: c.CommunityName, Mode: string(c.Mode)})
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) putPreferences(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in preferencesPut
	if err := decode(r, &in, false); err != nil {
		return err
	}
	p := maillage.NotificationPreferences{Default: maillage.NotifyMode(in.Default)}
	for _, c := range in.Communities {
		p.Communities = append(p.Communities, maillage.CommunityNotifyMode{CommunityID: c.CommunityID, Mode: maillage.NotifyMode(c.Mode)})
	}
	if err := s.svc.SetNotificationPreferences(r.Context(), v, p); err != nil {
		return err
	}
	return s.getPreferences(w, r)
}
