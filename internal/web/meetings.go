package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/recurrence"
	"github.com/maillage/maillage/internal/service"
)

// localLayout is how a datetime-local field writes a time.
const localLayout = "2006-01-02T15:04"

// meetingItem is a meeting in a community's list.
type meetingItem struct {
	M    maillage.Meeting
	Next *time.Time
}

// communityMeetings is the "Meetings" section of a community's page.
type communityMeetings struct {
	Items       []meetingItem
	CanSchedule bool
	CalendarURL string
}

// communityMeetingsOf gathers the meetings a community's page shows.
func (s *server) communityMeetingsOf(r *http.Request, c *maillage.Community) (communityMeetings, error) {
	st := state(r)
	out := communityMeetings{CanSchedule: maillage.CanManageCommunity(st.Viewer, c.Access()),
		CalendarURL: "/api/v1/communities/" + c.ID + "/calendar.ics"}
	ms, err := s.svc.CommunityMeetings(r.Context(), st.Viewer, c.ID)
	if err != nil {
		return out, err
	}
	for _, m := range ms {
		it := meetingItem{M: m}
		if next, ok := s.svc.NextOccurrence(&m); ok {
			it.Next = &next
		}
		out.Items = append(out.Items, it)
	}
	return out, nil
}

// meetingFormData is the meeting form (new or edit).
type meetingFormData struct {
	C      *maillage.Community
	M      *maillage.Meeting
	Action string
}

func (s *server) newMeetingForm(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	s.renderMeetingForm(w, r, http.StatusOK, newForm(url.Values{"visibility": {"community"}, "duration_minutes": {"120"},
		"timezone": {recurrence.DefaultTimezone}}), meetingFormData{C: c, Action: "/communities/" + c.ID + "/meetings"})
}

func (s *server) renderMeetingForm(w http.ResponseWriter, r *http.Request, status int, f *form, d meetingFormData) {
	l := state(r).L
	title := l.T("web.meeting.new_title", map[string]any{"Name": d.C.Name})
	if d.M != nil {
		title = l.T("web.meeting.edit_title", map[string]any{"Title": d.M.Title})
	}
	f.Extra["Repeats"] = repeatOptions(l)
	s.render(w, r, status, view{Template: "meeting_form", Title: title, Nav: "communities", Form: f, Data: d})
}

// repeatOptions are the recurrence presets of the form.
func repeatOptions(l interface {
	T(string, ...map[string]any) string
}) []option {
	var out []option
	for _, p := range recurrence.Presets() {
		key := string(p)
		if key == "" {
			key = "none"
		}
		out = append(out, option{Value: string(p), Label: l.T("web.meeting.repeat." + key)})
	}
	return out
}

// meetingInput reads the meeting form. The start is typed as a local
// time in the meeting's time zone; a time that does not exist there (the
// hour skipped when clocks go forward) is refused rather than moved.
func meetingInput(r *http.Request) (maillage.MeetingInput, error) {
	in := maillage.MeetingInput{Title: trimmed(r, "title"), Description: r.PostForm.Get("description"), Timezone: trimmed(r, "timezone"),
		Location: trimmed(r, "location"), URL: trimmed(r, "url"), Visibility: r.PostForm.Get("visibility"), Tags: splitTags(r.PostForm.Get("tags"))}
	in.DurationMinutes, _ = strconv.Atoi(trimmed(r, "duration_minutes"))
	loc, err := recurrence.Location(in.Timezone)
	if err != nil {
		return in, fieldErr("timezone", "meeting.timezone_unknown", nil)
	}
	start, err := localTime(trimmed(r, "starts_at"), loc, "starts_at")
	if err != nil {
		return in, err
	}
	in.StartsAt = start
	switch p := recurrence.Preset(r.PostForm.Get("repeat")); p {
	case recurrence.PresetCustom:
		in.RRule = trimmed(r, "rrule")
		if in.RRule == "" {
			return in, fieldErr("rrule", "field.required", nil)
		}
	default:
		in.RRule = p.Rule(start)
	}
	return in, nil
}

// localTime reads a datetime-local value in loc, refusing the times
// daylight saving skips.
func localTime(value string, loc *time.Location, field string) (time.Time, error) {
	if value == "" {
		return time.Time{}, fieldErr(field, "field.required", nil)
	}
	t, err := time.ParseInLocation(localLayout, value, loc)
	if err != nil {
		return time.Time{}, fieldErr(field, "meeting.time_format", nil)
	}
	if t.Format(localLayout) != value {
		return time.Time{}, fieldErr(field, "meeting.local_time_gap", map[string]any{"Time": value[11:], "Zone": loc.String()})
	}
	return t, nil
}

func fieldErr(field, messageID string, data map[string]any) error {
	return &maillage.Error{Code: maillage.CodeInvalid, MessageID: "error.invalid",
		Fields: []maillage.FieldError{{Field: field, MessageID: messageID, Data: data}}}
}

func (s *server) createMeeting(w http.ResponseWriter, r *http.Request) {
	c, ok := s.manageable(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	d := meetingFormData{C: c, Action: "/communities/" + c.ID + "/meetings"}
	in, err := meetingInput(r)
	var res *service.MeetingResult
	if err == nil {
		res, err = s.svc.CreateMeeting(r.Context(), st.Viewer, c.ID, in)
	}
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderMeetingForm(w, r, formStatus(err), f, d)
		return
	}
	flash := "web.meeting.created"
	if res.InPast {
		flash = "web.meeting.created_past"
	}
	s.redirect(w, r, "/meetings/"+url.PathEscape(res.Meeting.ID), flash)
}

func (s *server) editMeetingForm(w http.ResponseWriter, r *http.Request) {
	mv, c, ok := s.managedMeetingPage(w, r)
	if !ok {
		return
	}
	m := mv.Meeting
	tags := make([]string, 0, len(m.Tags))
	for _, t := range m.Tags {
		tags = append(tags, t.Label)
	}
	v := url.Values{"title": {m.Title}, "description": {m.Description}, "starts_at": {m.StartsAt.In(mv.Location).Format(localLayout)},
		"duration_minutes": {strconv.Itoa(m.DurationMinutes)}, "timezone": {m.Timezone}, "location": {m.Location}, "url": {m.URL},
		"visibility": {string(m.Visibility)}, "tags": {strings.Join(tags, ", ")}}
	v.Set("repeat", string(recurrence.PresetNone))
	if m.RRule != "" {
		v.Set("repeat", string(recurrence.PresetCustom))
		v.Set("rrule", m.RRule)
		for _, p := range recurrence.Presets() {
			if p != recurrence.PresetNone && p != recurrence.PresetCustom && p.Rule(m.StartsAt.In(mv.Location)) == m.RRule {
				v.Set("repeat", string(p))
			}
		}
	}
	s.renderMeetingForm(w, r, http.StatusOK, newForm(v), meetingFormData{C: c, M: m, Action: "/meetings/" + m.ID + "/edit"})
}

func (s *server) updateMeeting(w http.ResponseWriter, r *http.Request) {
	mv, c, ok := s.managedMeetingPage(w, r)
	if !ok {
		return
	}
	if err := parseForm(r); err != nil {
		s.fail(w, r, err)
		return
	}
	st := state(r)
	in, err := meetingInput(r)
	var res *service.MeetingResult
	if err == nil {
		res, err = s.svc.UpdateMeeting(r.Context(), st.Viewer, mv.Meeting.ID, in)
	}
	if err != nil {
		f := newForm(r.PostForm)
		if !f.apply(st.L, err) {
			s.fail(w, r, err)
			return
		}
		s.renderMeetingForm(w, r, formStatus(err), f, meetingFormData{C: c, M: mv.Meeting, Action: "/meetings/" + mv.Meeting.ID + "/edit"})
		return
	}
	flash := "web.meeting.saved"
	if res.InPast {
		flash = "web.meeting.created_past"
	}
	s.redirect(w, r, "/meetings/"+url.PathEscape(mv.Meeting.ID), flash)
}

// managedMeetingPage loads a meeting for its managers: 404 when
// invisible, sign in first for visitors, 403 for others.
func (s *server) managedMeetingPage(w http.ResponseWriter, r *http.Request) (*service.MeetingView, *maillage.Community, bool) {
	st := state(r)
	mv, err := s.svc.Meeting(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	if !s.requireSignedIn(w, r) {
		return nil, nil, false
	}
	if !mv.CanManage {
		s.fail(w, r, maillage.ErrForbidden)
		return nil, nil, false
	}
	c, err := s.svc.Community(r.Context(), st.Viewer, mv.Meeting.CommunityID)
	if err != nil {
		s.fail(w, r, err)
		return nil, nil, false
	}
	return mv, c, true
}

// meetingPageData is a meeting's page.
type meetingPageData struct {
	V           *service.MeetingView
	Description template.HTML
	// Members are the community's members, for the note-taker's choice.
	Members   []maillage.Membership
	LocalZone bool
	// Invitation is the viewer's pending invitation to take the notes.
	Invitation *maillage.Invitation
}

func (s *server) meeting(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := s.svc.Meeting(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := meetingPageData{V: v, LocalZone: v.Meeting.Timezone == recurrence.DefaultTimezone}
	html, err := s.svc.RenderPosts(r.Context(), st.Viewer, v.Meeting.CommunityID, []string{v.Meeting.Description})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d.Description = html[0]
	if v.CanManage {
		if d.Members, _, err = s.svc.Members(r.Context(), st.Viewer, v.Meeting.CommunityID, service.Page{Limit: 500}); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	if inv, err := s.svc.PendingItemInvitation(r.Context(), st.Viewer, maillage.InviteMeeting, v.Meeting.ID); err == nil {
		d.Invitation = inv
	}
	s.render(w, r, http.StatusOK, view{Template: "meeting", Title: v.Meeting.Title, Nav: "communities", Data: d})
}

// occurrenceOf reads the occurrence field of a form (RFC 3339).
func occurrenceOf(r *http.Request) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, r.FormValue("occurrence"))
	if err != nil {
		return time.Time{}, maillage.Errorf(maillage.CodeInvalid, "meeting.time_format")
	}
	return t, nil
}

// meetingAction runs a change from the meeting's page and returns to it.
func (s *server) meetingAction(w http.ResponseWriter, r *http.Request, flashID string, act func(v maillage.Viewer, id string) error) {
	if !s.signedInForm(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := act(state(r).Viewer, id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/meetings/"+url.PathEscape(id)+"#occurrences", flashID)
}

func (s *server) answerMeeting(w http.ResponseWriter, r *http.Request) {
	s.meetingAction(w, r, "web.meeting.answered", func(v maillage.Viewer, id string) error {
		occ, err := occurrenceOf(r)
		if err != nil {
			return err
		}
		return s.svc.AnswerMeeting(r.Context(), v, id, occ, maillage.RSVP(r.PostForm.Get("answer")))
	})
}

func (s *server) cancelMeeting(w http.ResponseWriter, r *http.Request) {
	flash := "web.meeting.cancelled"
	if r.FormValue("restore") == "1" {
		flash = "web.meeting.restored"
	}
	s.meetingAction(w, r, flash, func(v maillage.Viewer, id string) error {
		cancel := r.PostForm.Get("restore") != "1"
		if r.PostForm.Get("occurrence") == "" {
			return s.svc.CancelMeeting(r.Context(), v, id, cancel)
		}
		occ, err := occurrenceOf(r)
		if err != nil {
			return err
		}
		return s.svc.CancelOccurrence(r.Context(), v, id, occ, cancel)
	})
}

func (s *server) moveOccurrence(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	mv, err := s.svc.Meeting(r.Context(), st.Viewer, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	occ, err := occurrenceOf(r)
	if err == nil {
		var start time.Time
		start, err = localTime(trimmed(r, "starts_at"), mv.Location, "starts_at")
		if err == nil {
			d, _ := strconv.Atoi(trimmed(r, "duration_minutes"))
			err = s.svc.MoveOccurrence(r.Context(), st.Viewer, id, occ, start, d)
		}
	}
	if err != nil {
		e := maillage.AsError(err)
		if e.Code == maillage.CodeInvalid && len(e.Fields) > 0 {
			// The move form sits in a list: its error is shown at the top
			// of the meeting's page, and nothing is moved.
			s.sessions.Put(r.Context(), sessionFlash, moveRefusal(e.Fields[0].MessageID))
			s.sessions.Put(r.Context(), sessionFlashKind, "error")
			http.Redirect(w, r, "/meetings/"+url.PathEscape(id)+"#occurrences", http.StatusSeeOther)
			return
		}
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/meetings/"+url.PathEscape(id)+"#occurrences", "web.meeting.moved")
}

// moveRefusal is the message of a refused move.
func moveRefusal(fieldMessage string) string {
	switch fieldMessage {
	case "meeting.local_time_gap":
		return "web.meeting.move_gap"
	case "meeting.duration_range":
		return "web.meeting.move_duration"
	}
	return "web.meeting.move_time"
}

func (s *server) setNoteTaker(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	inv, err := s.svc.SetNoteTaker(r.Context(), st.Viewer, id, r.PostForm.Get("user_id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	flash := "web.meeting.note_taker_set"
	if inv != nil {
		flash = "web.meeting.note_taker_invited"
	}
	s.redirect(w, r, "/meetings/"+url.PathEscape(id), flash)
}

func (s *server) openOccurrenceNotebook(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	st, id := state(r), r.PathValue("id")
	occ, err := occurrenceOf(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	nb, err := s.svc.OpenOccurrenceNotebook(r.Context(), st.Viewer, id, occ, r.PostForm.Get("minute_visibility") == "community")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.redirect(w, r, "/notebooks/"+url.PathEscape(nb), "web.meeting.notebook_opened")
}

// publishData is the page choosing where a summary goes.
type publishData struct {
	V          *service.MeetingView
	Occurrence maillage.Occurrence
	Notebooks  []maillage.Notebook
}

func (s *server) publishForm(w http.ResponseWriter, r *http.Request) {
	st := state(r)
	v, err := s.svc.Meeting(r.Context(), st.Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !s.requireSignedIn(w, r) {
		return
	}
	if !v.CanManage && !v.IsNoteTaker {
		s.fail(w, r, maillage.ErrForbidden)
		return
	}
	// The occurrence named, or else the latest whose notebook is open.
	var o maillage.Occurrence
	if r.FormValue("occurrence") != "" {
		occ, err := occurrenceOf(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		o, _ = v.Occurrence(occ)
	} else {
		for _, list := range [][]maillage.Occurrence{v.Past, v.Upcoming} {
			for _, c := range list {
				if c.NotebookID != "" && o.NotebookID == "" {
					o = c
				}
			}
		}
	}
	nbs, err := s.svc.PublicNotebooksToPublishIn(r.Context(), st.Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, view{Template: "meeting_publish", Title: st.L.T("web.meeting.publish_title", map[string]any{"Title": v.Meeting.Title}),
		Nav: "communities", Data: publishData{V: v, Occurrence: o, Notebooks: nbs}})
}

func (s *server) publishOccurrence(w http.ResponseWriter, r *http.Request) {
	s.meetingAction(w, r, "web.meeting.published", func(v maillage.Viewer, id string) error {
		occ, err := occurrenceOf(r)
		if err != nil {
			return err
		}
		return s.svc.PublishOccurrence(r.Context(), v, id, occ, r.PostForm["notebook_id"])
	})
}

// attendanceData is the attendance sheet of one occurrence.
type attendanceData struct {
	V          *service.MeetingView
	Occurrence maillage.Occurrence
	Rows       []attendanceRow
}

type attendanceRow struct {
	UserID, Name string
	Answer       maillage.RSVP
	Attended     *bool
}

func (s *server) attendanceForm(w http.ResponseWriter, r *http.Request) {
	mv, _, ok := s.managedMeetingPage(w, r)
	if !ok {
		return
	}
	st := state(r)
	var occ time.Time
	if r.FormValue("occurrence") != "" {
		var err error
		if occ, err = occurrenceOf(r); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	rows, occ, err := s.svc.Attendance(r.Context(), st.Viewer, mv.Meeting.ID, occ)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	o, found := mv.Occurrence(occ)
	if !found {
		// An occurrence older than the page lists: shown by its date alone.
		o = maillage.Occurrence{Occurrence: occ, StartsAt: occ}
	}
	members, _, err := s.svc.Members(r.Context(), st.Viewer, mv.Meeting.CommunityID, service.Page{Limit: maillage.MaxAttendanceBatch})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	byID := map[string]maillage.Attendance{}
	for _, a := range rows {
		byID[a.UserID] = a
	}
	d := attendanceData{V: mv, Occurrence: o}
	for _, m := range members {
		a := byID[m.UserID]
		d.Rows = append(d.Rows, attendanceRow{UserID: m.UserID, Name: m.UserName, Answer: a.RSVP, Attended: a.Attended})
	}
	s.render(w, r, http.StatusOK, view{Template: "meeting_attendance", Title: st.L.T("web.meeting.attendance_title", map[string]any{"Title": mv.Meeting.Title}),
		Nav: "communities", Data: d})
}

func (s *server) recordAttendance(w http.ResponseWriter, r *http.Request) {
	s.meetingAction(w, r, "web.meeting.attendance_saved", func(v maillage.Viewer, id string) error {
		occ, err := occurrenceOf(r)
		if err != nil {
			return err
		}
		// Every member listed on the sheet is sent: checked came, the others did not.
		came := map[string]bool{}
		for _, u := range r.PostForm["attended"] {
			came[u] = true
		}
		marks := map[string]*bool{}
		for _, u := range r.PostForm["listed"] {
			b := came[u]
			marks[u] = &b
		}
		return s.svc.RecordAttendance(r.Context(), v, id, occ, marks)
	})
}

// meetingCalendar downloads one meeting as an .ics file.
func (s *server) meetingCalendar(w http.ResponseWriter, r *http.Request) {
	data, err := s.svc.MeetingCalendar(r.Context(), state(r).Viewer, r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="rencontre.ics"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(data)
}

// calendarData is the page to subscribe to one's calendar.
type calendarData struct {
	FeedURL     string
	Communities []maillage.Community
	BaseURL     string
	Secret      string
}

func (s *server) calendarPage(w http.ResponseWriter, r *http.Request) {
	if !s.requireSignedIn(w, r) {
		return
	}
	s.renderCalendarPage(w, r, "")
}

func (s *server) renderCalendarPage(w http.ResponseWriter, r *http.Request, secret string) {
	st := state(r)
	cs, _, err := s.svc.Communities(r.Context(), st.Viewer, service.CommunityFilter{MemberID: st.Viewer.UserID, Page: service.Page{Limit: 200}})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	d := calendarData{Communities: cs, BaseURL: s.svc.BaseURL(), Secret: secret}
	if secret != "" {
		d.FeedURL = s.svc.BaseURL() + "/api/v1/me/calendar.ics?token=" + url.QueryEscape(secret)
	}
	s.render(w, r, http.StatusOK, view{Template: "calendar", Title: st.L.T("web.meeting.calendar_title"), Nav: "communities", Data: d})
}

func (s *server) newCalendarSecret(w http.ResponseWriter, r *http.Request) {
	if !s.signedInForm(w, r) {
		return
	}
	secret, err := s.svc.NewCalendarToken(r.Context(), state(r).Viewer)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The secret is shown once, on this answer, and never stored in clear.
	s.renderCalendarPage(w, r, secret)
}
