package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// modeOption is one choice of notification mode.
type modeOption struct {
	Value, Label string
}

// communityModeRow is one community of the preferences form.
type communityModeRow struct {
	ID, Name, Field, FieldID, Value, Error string
}

// followRow is one line of the follows list.
type followRow struct {
	F         maillage.Follow
	URL       string
	TypeLabel string
}

type settingsNotificationsData struct {
	Default      string
	DefaultError string
	Modes        []modeOption
	Communities  []communityModeRow
	Follows      []followRow
	Pager        pager
}

func (s *server) notificationSettings(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderNotificationSettings(w, r, http.StatusOK, nil, nil)
}

// renderNotificationSettings draws the form with the stored preferences,
// or with the submitted values and their errors.
func (s *server) renderNotificationSettings(w http.ResponseWriter, r *http.Request, status int, submitted url.Values, f *form) {
	st := state(r)
	p, err := s.svc.NotificationPreferences(r.Context(), st.Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n, page := pageOf(r)
	follows, total, err := s.svc.Follows(r.Context(), st.Viewer, page)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if f == nil {
		f = newForm(nil)
	}
	d := settingsNotificationsData{Default: string(p.Default), DefaultError: f.Error("default"), Pager: newPager(r, n, total)}
	if submitted != nil {
		d.Default = submitted.Get("default")
	}
	for _, m := range maillage.NotifyModes() {
		d.Modes = append(d.Modes, modeOption{Value: string(m), Label: st.L.T("notifications.mode." + string(m))})
	}
	for _, c := range p.Communities {
		field := service.PreferenceField(c.CommunityID)
		row := communityModeRow{ID: c.CommunityID, Name: c.CommunityName, Field: field, FieldID: fieldID(field),
			Value: string(c.Mode), Error: f.Error(field)}
		if submitted != nil {
			row.Value = submitted.Get(field)
		}
		d.Communities = append(d.Communities, row)
	}
	for _, fl := range follows {
		d.Follows = append(d.Follows, followRow{F: fl, URL: followPath(fl), TypeLabel: st.L.T("notifications.target." + string(fl.TargetType))})
	}
	s.render(w, r, status, view{Template: "settings_notifications", Title: st.L.T("notifications.settings.title"), Nav: "settings",
		Form: f, Data: d})
}

// followPath is the page of a followed thing.
func followPath(f maillage.Follow) string {
	t := maillage.SubjectType(f.TargetType)
	if f.TargetType == maillage.FollowPerson {
		t = maillage.SubjectUser
	}
	return subjectPath(maillage.Notification{SubjectType: t, SubjectID: f.TargetID, SubjectRef: f.Ref})
}

// saveNotificationSettings stores the default mode and each community's.
func (s *server) saveNotificationSettings(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st := state(r)
	in := maillage.NotificationPreferences{Default: maillage.NotifyMode(r.PostForm.Get("default"))}
	for name := range r.PostForm {
		if id, ok := strings.CutPrefix(name, "community_"); ok && id != "" {
			in.Communities = append(in.Communities, maillage.CommunityNotifyMode{CommunityID: id, Mode: maillage.NotifyMode(r.PostForm.Get(name))})
		}
	}
	if in.Default == "" {
		in.Default = "missing" // the form always sends one: refuse rather than keep
	}
	err := s.svc.SetNotificationPreferences(r.Context(), st.Viewer, in)
	if err == nil {
		s.redirect(w, r, "/settings/notifications", "notifications.settings.saved")
		return
	}
	e := maillage.AsError(err)
	if e.Code != maillage.CodeInvalid {
		s.fail(w, r, err)
		return
	}
	f, err := s.preferencesForm(r, e)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.renderNotificationSettings(w, r, http.StatusUnprocessableEntity, r.PostForm, f)
}

// preferencesForm puts refused preferences back in a form. The generic
// summary names fields by a fixed label; here the fields are communities,
// named by their own names.
func (s *server) preferencesForm(r *http.Request, e *maillage.Error) (*form, error) {
	st := state(r)
	p, err := s.svc.NotificationPreferences(r.Context(), st.Viewer)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, c := range p.Communities {
		names[service.PreferenceField(c.CommunityID)] = c.CommunityName
	}
	f := newForm(r.PostForm)
	for _, fe := range e.Fields {
		if _, dup := f.Errors[fe.Field]; dup {
			continue
		}
		label, anchor := names[fe.Field], fieldID(fe.Field)
		switch {
		case fe.Field == "default":
			label, anchor = st.L.T("notifications.settings.default_legend"), "f-default-"+string(maillage.NotifyModes()[0])
		case label == "":
			// A community the person does not belong to: no field to point at.
			label, anchor = st.L.T("notifications.settings.communities_title"), "communities-heading"
		}
		msg := st.L.T(fe.MessageID, fe.Data)
		f.Errors[fe.Field] = msg
		f.Summary = append(f.Summary, summaryItem{Field: fe.Field, Anchor: anchor, Label: label, Message: msg})
	}
	return f, nil
}
