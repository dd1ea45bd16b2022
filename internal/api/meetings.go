package api

import (
	"net/http"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/maillage"
)

// meetingCreate schedules a meeting in a community (its managers).
type meetingCreate struct {
	Title           string   `json:"title" required:"true"`
	Description     string   `json:"description" doc:"agenda, Markdown"`
	StartsAt        string   `json:"starts_at" required:"true" format:"date-time" doc:"first start, RFC 3339 with its offset (or Z); the offset must be the time zone's on that date"`
	DurationMinutes int      `json:"duration_minutes" required:"true" doc:"1 to 1440"`
	Timezone        string   `json:"timezone" doc:"IANA time zone every occurrence keeps its local time in; America/Toronto when omitted"`
	RRule           string   `json:"rrule" doc:"RFC 5545 recurrence rule (FREQ=MONTHLY;INTERVAL=2;BYDAY=3TH), without DTSTART; empty for a single meeting"`
	Location        string   `json:"location" doc:"a place"`
	URL             string   `json:"url" doc:"a video-conference link (Zoom, Jitsi, Teams ...)"`
	Visibility      string   `json:"visibility" required:"true" enum:"community,public" doc:"community: its members; public: whoever sees the community"`
	Tags            []string `json:"tags"`
}

// meetingPatch changes a meeting (its managers); omitted fields keep
// their value. Changing starts_at or rrule moves the whole series.
type meetingPatch struct {
	Title           *string   `json:"title"`
	Description     *string   `json:"description"`
	StartsAt        *string   `json:"starts_at" format:"date-time"`
	DurationMinutes *int      `json:"duration_minutes"`
	Timezone        *string   `json:"timezone"`
	RRule           *string   `json:"rrule"`
	Location        *string   `json:"location"`
	URL             *string   `json:"url"`
	Visibility      *string   `json:"visibility" enum:"community,public"`
	Tags            *[]string `json:"tags"`
}

// meetingJSON is a meeting as the caller may see it.
type meetingJSON struct {
	ID              string            `json:"id"`
	CommunityID     string            `json:"community_id"`
	CommunityName   string            `json:"community_name"`
	Title           string            `json:"title"`
	Description     string            `json:"description" doc:"Markdown"`
	StartsAt        string            `json:"starts_at" format:"date-time" doc:"the first occurrence's start"`
	DurationMinutes int               `json:"duration_minutes"`
	Timezone        string            `json:"timezone"`
	RRule           string            `json:"rrule" doc:"empty for a single meeting"`
	Location        string            `json:"location"`
	URL             string            `json:"url"`
	Visibility      string            `json:"visibility" enum:"community,public"`
	Tags            []string          `json:"tags"`
	NoteTaker       *personRefJSON    `json:"note_taker" doc:"null when nobody accepted to take the notes"`
	Cancelled       bool              `json:"cancelled" doc:"the whole meeting or series is cancelled"`
	Sequence        int               `json:"sequence" doc:"iCalendar SEQUENCE, raised by every change"`
	CalendarURL     string            `json:"calendar_url" doc:"this meeting as an iCalendar file"`
	InPast          *bool             `json:"in_past,omitempty" doc:"on creation and change: every occurrence is over (recorded for the archive, nobody reminded)"`
	CanManage       *bool             `json:"can_manage,omitempty" doc:"single meeting only: the caller schedules and changes it"`
	Occurrences     *[]occurrenceJSON `json:"occurrences,omitempty" doc:"single meeting only: the next occurrences (at least 10 while the series goes on), cancelled ones included"`
	PastOccurrences *[]occurrenceJSON `json:"past_occurrences,omitempty" doc:"single meeting only: the latest past occurrences, most recent first"`
	NextStartsAt    *string           `json:"next_starts_at,omitempty" format:"date-time" doc:"in lists: the next occurrence not cancelled"`
}

type personRefJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// occurrenceJSON is one occurrence.
type occurrenceJSON struct {
	Occurrence string `json:"occurrence" format:"date-time" doc:"the start the rule gave it: its identity (iCalendar RECURRENCE-ID), to name it in calls"`
	StartsAt   string `json:"starts_at" format:"date-time"`
	EndsAt     string `json:"ends_at" format:"date-time"`
	Status     string `json:"status" enum:"scheduled,moved,cancelled"`
	NotebookID string `json:"notebook_id,omitempty" doc:"the occurrence's notebook, once opened"`
	Yes        int    `json:"yes"`
	No         int    `json:"no"`
	Maybe      int    `json:"maybe"`
	MyAnswer   string `json:"my_answer,omitempty" enum:"yes,no,maybe"`
}

type meetingList struct {
	Meetings []meetingJSON `json:"meetings"`
}

// rsvpSet answers one occurrence.
type rsvpSet struct {
	Occurrence string `json:"occurrence" required:"true" format:"date-time" doc:"the occurrence's start (RFC 3339)"`
	Answer     string `json:"answer" required:"true" enum:"yes,no,maybe"`
}

type rsvpJSON struct {
	Occurrence string `json:"occurrence" format:"date-time"`
	Answer     string `json:"answer" enum:"yes,no,maybe"`
}

// occurrenceCancel cancels (or restores) one occurrence, or the whole
// meeting when occurrence is omitted.
type occurrenceCancel struct {
	Occurrence *string `json:"occurrence" format:"date-time" doc:"omit to cancel the whole meeting or series"`
	Restore    bool    `json:"restore" doc:"true to restore what was cancelled"`
}

// occurrenceMove moves one occurrence.
type occurrenceMove struct {
	Occurrence      string `json:"occurrence" required:"true" format:"date-time"`
	StartsAt        string `json:"starts_at" required:"true" format:"date-time" doc:"the new start, RFC 3339 with its offset"`
	DurationMinutes int    `json:"duration_minutes" doc:"0 keeps the meeting's length"`
}

// attendanceSet records who came to one occurrence (managers).
type attendanceSet struct {
	Occurrence string           `json:"occurrence" required:"true" format:"date-time"`
	Attendees  []attendanceMark `json:"attendees" required:"true" doc:"at most 2000 members of the community"`
}

type attendanceMark struct {
	UserID   string `json:"user_id" required:"true"`
	Attended *bool  `json:"attended" doc:"true: came; false: did not; null: clears the record"`
}

type attendanceJSON struct {
	UserID   string `json:"user_id"`
	Name     string `json:"name"`
	Answer   string `json:"answer" enum:",yes,no,maybe"`
	Attended *bool  `json:"attended" doc:"null until recorded"`
}

type attendanceList struct {
	Occurrence string           `json:"occurrence" format:"date-time"`
	Attendees  []attendanceJSON `json:"attendees"`
}

// noteTakerSet names the note-taker: the caller at once, anyone else by invitation.
type noteTakerSet struct {
	UserID string `json:"user_id" doc:"a member of the community; empty for nobody"`
}

// occurrenceNotebookOpen opens an occurrence's notebook from the template.
type occurrenceNotebookOpen struct {
	Occurrence       string `json:"occurrence" required:"true" format:"date-time"`
	MinuteVisibility string `json:"minute_visibility" enum:"private,community" doc:"the detailed minute: its authors only (default) or the community's members"`
}

type occurrenceNotebookJSON struct {
	NotebookID string `json:"notebook_id"`
}

// occurrencePublish publishes the summary and resources into public notebooks.
type occurrencePublish struct {
	Occurrence  string   `json:"occurrence" required:"true" format:"date-time"`
	NotebookIDs []string `json:"notebook_ids" doc:"public notebooks of public communities the caller contributes to; each community is told"`
}

type calendarTokenJSON struct {
	Token string `json:"token" doc:"shown once; a new one replaces it"`
	URL   string `json:"url" doc:"the caller's calendar feed, to subscribe to in a calendar application"`
}

// parseTime reads an RFC 3339 time of a field, with a translated error.
func parseTime(field, value string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(value))
	if err != nil {
		return time.Time{}, invalid("meeting.time_format", nil, field)
	}
	return t, nil
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func (s *server) meetingOut(m *maillage.Meeting) meetingJSON {
	out := meetingJSON{ID: m.ID, CommunityID: m.CommunityID, CommunityName: m.CommunityName, Title: m.Title, Description: m.Description,
		StartsAt: rfc3339(m.StartsAt), DurationMinutes: m.DurationMinutes, Timezone: m.Timezone, RRule: m.RRule, Location: m.Location,
		URL: m.URL, Visibility: string(m.Visibility), Tags: []string{}, Cancelled: m.Cancelled(), Sequence: m.Sequence,
		CalendarURL: "/api/v1/meetings/" + m.ID + "/calendar.ics"}
	for _, t := range m.Tags {
		out.Tags = append(out.Tags, t.Label)
	}
	if m.NoteTakerID != "" {
		out.NoteTaker = &personRefJSON{ID: m.NoteTakerID, Name: m.NoteTakerName}
	}
	return out
}

func occurrencesOut(os []maillage.Occurrence) *[]occurrenceJSON {
	out := []occurrenceJSON{}
	for _, o := range os {
		out = append(out, occurrenceJSON{Occurrence: rfc3339(o.Occurrence), StartsAt: rfc3339(o.StartsAt), EndsAt: rfc3339(o.EndsAt),
			Status: string(o.Status), NotebookID: o.NotebookID, Yes: o.Yes, No: o.No, Maybe: o.Maybe, MyAnswer: string(o.MyAnswer)})
	}
	return &out
}

func (s *server) listCommunityMeetings(w http.ResponseWriter, r *http.Request) error {
	ms, err := s.svc.CommunityMeetings(r.Context(), viewerOf(r), r.PathValue("id"))
	if err != nil {
		return err
	}
	out := meetingList{Meetings: []meetingJSON{}}
	for i := range ms {
		j := s.meetingOut(&ms[i])
		if next, ok := s.svc.NextOccurrence(&ms[i]); ok {
			n := rfc3339(next)
			j.NextStartsAt = &n
		}
		out.Meetings = append(out.Meetings, j)
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) createMeeting(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in meetingCreate
	if err := decode(r, &in, false); err != nil {
		return err
	}
	start, err := parseTime("starts_at", in.StartsAt)
	if err != nil {
		return err
	}
	res, err := s.svc.CreateMeeting(r.Context(), v, r.PathValue("id"), maillage.MeetingInput{Title: in.Title, Description: in.Description,
		StartsAt: start, DurationMinutes: in.DurationMinutes, Timezone: in.Timezone, RRule: in.RRule, Location: in.Location,
		URL: in.URL, Visibility: in.Visibility, Tags: in.Tags})
	if err != nil {
		return err
	}
	return s.answerMeeting(w, r, http.StatusCreated, res.Meeting.ID, &res.InPast)
}

func (s *server) getMeeting(w http.ResponseWriter, r *http.Request) error {
	return s.answerMeeting(w, r, http.StatusOK, r.PathValue("id"), nil)
}

func (s *server) answerMeeting(w http.ResponseWriter, r *http.Request, status int, id string, inPast *bool) error {
	view, err := s.svc.Meeting(r.Context(), viewerOf(r), id)
	if err != nil {
		return err
	}
	out := s.meetingOut(view.Meeting)
	out.InPast, out.CanManage = inPast, &view.CanManage
	out.Occurrences, out.PastOccurrences = occurrencesOut(view.Upcoming), occurrencesOut(view.Past)
	s.writeJSON(w, status, out)
	return nil
}

func (s *server) patchMeeting(w http.ResponseWriter, r *http.Request) error {
	v := viewerOf(r)
	if !v.SignedIn() {
		return maillage.ErrUnauthorized
	}
	var in meetingPatch
	if err := decode(r, &in, false); err != nil {
		return err
	}
	view, err := s.svc.Meeting(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	m := view.Meeting
	cur := maillage.MeetingInput{Title: m.Title, Description: m.Description, StartsAt: m.StartsAt, DurationMinutes: m.DurationMinutes,
		Timezone: m.Timezone, RRule: m.RRule, Location: m.Location, URL: m.URL, Visibility: string(m.Visibility)}
	for _, t := range m.Tags {
		cur.Tags = append(cur.Tags, t.Label)
	}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&cur.Title, in.Title)
	set(&cur.Description, in.Description)
	set(&cur.Timezone, in.Timezone)
	set(&cur.RRule, in.RRule)
	set(&cur.Location, in.Location)
	set(&cur.URL, in.URL)
	set(&cur.Visibility, in.Visibility)
	if in.DurationMinutes != nil {
		cur.DurationMinutes = *in.DurationMinutes
	}
	if in.Tags != nil {
		cur.Tags = *in.Tags
	}
	if in.StartsAt != nil {
		if cur.StartsAt, err = parseTime("starts_at", *in.StartsAt); err != nil {
			return err
		}
	} else if in.Timezone != nil {
		cur.StartsAt = cur.StartsAt.UTC()
	}
	res, err := s.svc.UpdateMeeting(r.Context(), v, m.ID, cur)
	if err != nil {
		return err
	}
	return s.answerMeeting(w, r, http.StatusOK, m.ID, &res.InPast)
}

func (s *server) putRSVP(w http.ResponseWriter, r *http.Request) error {
	var in rsvpSet
	if err := decode(r, &in, false); err != nil {
		return err
	}
	occ, err := parseTime("occurrence", in.Occurrence)
	if err != nil {
		return err
	}
	if err := s.svc.AnswerMeeting(r.Context(), viewerOf(r), r.PathValue("id"), occ, maillage.RSVP(in.Answer)); err != nil {
		return err
	}
	s.writeJSON(w, http.StatusOK, rsvpJSON{Occurrence: rfc3339(occ), Answer: in.Answer})
	return nil
}

func (s *server) cancelMeeting(w http.ResponseWriter, r *http.Request) error {
	var in occurrenceCancel
	if err := decode(r, &in, true); err != nil {
		return err
	}
	v, id := viewerOf(r), r.PathValue("id")
	if in.Occurrence == nil {
		if err := s.svc.CancelMeeting(r.Context(), v, id, !in.Restore); err != nil {
			return err
		}
	} else {
		occ, err := parseTime("occurrence", *in.Occurrence)
		if err != nil {
			return err
		}
		if err := s.svc.CancelOccurrence(r.Context(), v, id, occ, !in.Restore); err != nil {
			return err
		}
	}
	return s.answerMeeting(w, r, http.StatusOK, id, nil)
}

func (s *server) moveOccurrence(w http.ResponseWriter, r *http.Request) error {
	var in occurrenceMove
	if err := decode(r, &in, false); err != nil {
		return err
	}
	occ, err := parseTime("occurrence", in.Occurrence)
	if err != nil {
		return err
	}
	start, err := parseTime("starts_at", in.StartsAt)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if err := s.svc.MoveOccurrence(r.Context(), viewerOf(r), id, occ, start, in.DurationMinutes); err != nil {
		return err
	}
	return s.answerMeeting(w, r, http.StatusOK, id, nil)
}

func (s *server) getAttendance(w http.ResponseWriter, r *http.Request) error {
	var occ time.Time
	if q := r.URL.Query().Get("occurrence"); q != "" {
		var err error
		if occ, err = parseTime("occurrence", q); err != nil {
			return err
		}
	}
	rows, occ, err := s.svc.Attendance(r.Context(), viewerOf(r), r.PathValue("id"), occ)
	if err != nil {
		return err
	}
	out := attendanceList{Occurrence: rfc3339(occ), Attendees: []attendanceJSON{}}
	for _, a := range rows {
		out.Attendees = append(out.Attendees, attendanceJSON{UserID: a.UserID, Name: a.UserName, Answer: string(a.RSVP), Attended: a.Attended})
	}
	s.writeJSON(w, http.StatusOK, out)
	return nil
}

func (s *server) putAttendance(w http.ResponseWriter, r *http.Request) error {
	var in attendanceSet
	if err := decode(r, &in, false); err != nil {
		return err
	}
	occ, err := parseTime("occurrence", in.Occurrence)
	if err != nil {
		return err
	}
	marks := make(map[string]*bool, len(in.Attendees))
	for _, a := range in.Attendees {
		marks[a.UserID] = a.Attended
	}
	if err := s.svc.RecordAttendance(r.Context(), viewerOf(r), r.PathValue("id"), occ, marks); err != nil {
		return err
	}
	return s.getAttendanceOf(w, r, occ)
}

func (s *server) getAttendanceOf(w http.ResponseWriter, r *http.Request, occ time.Time) error {
	q := r.URL.Query()
	q.Set("occurrence", rfc3339(occ))
	r.URL.RawQuery = q.Encode()
	return s.getAttendance(w, r)
}

func (s *server) putNoteTaker(w http.ResponseWriter, r *http.Request) error {
	var in noteTakerSet
	if err := decode(r, &in, false); err != nil {
		return err
	}
	id := r.PathValue("id")
	inv, err := s.svc.SetNoteTaker(r.Context(), viewerOf(r), id, in.UserID)
	if err != nil {
		return err
	}
	if inv != nil {
		s.writeJSON(w, http.StatusAccepted, invitationSent{Invitation: invitationOut(*inv)})
		return nil
	}
	return s.answerMeeting(w, r, http.StatusOK, id, nil)
}

func (s *server) openOccurrenceNotebook(w http.ResponseWriter, r *http.Request) error {
	var in occurrenceNotebookOpen
	if err := decode(r, &in, false); err != nil {
		return err
	}
	occ, err := parseTime("occurrence", in.Occurrence)
	if err != nil {
		return err
	}
	if in.MinuteVisibility != "" && in.MinuteVisibility != "private" && in.MinuteVisibility != "community" {
		return invalid("field.invalid_choice", nil, "minute_visibility")
	}
	id, err := s.svc.OpenOccurrenceNotebook(r.Context(), viewerOf(r), r.PathValue("id"), occ, in.MinuteVisibility == "community")
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, occurrenceNotebookJSON{NotebookID: id})
	return nil
}

func (s *server) publishOccurrence(w http.ResponseWriter, r *http.Request) error {
	var in occurrencePublish
	if err := decode(r, &in, false); err != nil {
		return err
	}
	occ, err := parseTime("occurrence", in.Occurrence)
	if err != nil {
		return err
	}
	id := r.PathValue("id")
	if err := s.svc.PublishOccurrence(r.Context(), viewerOf(r), id, occ, in.NotebookIDs); err != nil {
		return err
	}
	return s.answerMeeting(w, r, http.StatusOK, id, nil)
}

// calendarViewer is who reads a calendar: the person whose secret is in
// the token parameter (calendar applications send no header), otherwise
// the caller. A wrong secret answers not found.
func (s *server) calendarViewer(r *http.Request) (maillage.Viewer, error) {
	if token := r.URL.Query().Get("token"); token != "" {
		return s.svc.CalendarViewer(r.Context(), token)
	}
	return viewerOf(r), nil
}

func writeCalendar(w http.ResponseWriter, data []byte, name string) {
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="`+name+`.ics"`)
	w.Header().Set("Cache-Control", "private, max-age=300")
	w.Write(data)
}

func (s *server) meetingCalendar(w http.ResponseWriter, r *http.Request) error {
	v, err := s.calendarViewer(r)
	if err != nil {
		return err
	}
	data, err := s.svc.MeetingCalendar(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeCalendar(w, data, "rencontre")
	return nil
}

func (s *server) communityCalendar(w http.ResponseWriter, r *http.Request) error {
	v, err := s.calendarViewer(r)
	if err != nil {
		return err
	}
	data, err := s.svc.CommunityCalendar(r.Context(), v, r.PathValue("id"))
	if err != nil {
		return err
	}
	writeCalendar(w, data, "communaute")
	return nil
}

func (s *server) myCalendar(w http.ResponseWriter, r *http.Request) error {
	v, err := s.calendarViewer(r)
	if err != nil {
		return err
	}
	data, err := s.svc.PersonalCalendar(r.Context(), v, "Maillage")
	if err != nil {
		return err
	}
	writeCalendar(w, data, "maillage")
	return nil
}

func (s *server) newCalendarToken(w http.ResponseWriter, r *http.Request) error {
	token, err := s.svc.NewCalendarToken(r.Context(), viewerOf(r))
	if err != nil {
		return err
	}
	s.writeJSON(w, http.StatusCreated, calendarTokenJSON{Token: token, URL: s.svc.BaseURL() + "/api/v1/me/calendar.ics?token=" + token})
	return nil
}

// meetingRoutes are the meeting calls of the route table.
func (s *server) meetingRoutes() []route {
	const (
		get, post, put, patch = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch
		ok, created           = http.StatusOK, http.StatusCreated
	)
	return []route{
		{Method: get, Path: "/api/v1/communities/{id}/meetings", Op: "listCommunityMeetings", Group: "meetings",
			Summary:  "The community's meetings the caller may see, cancelled ones included, by first start",
			Response: "MeetingList", Status: ok, handle: s.listCommunityMeetings},
		{Method: post, Path: "/api/v1/communities/{id}/meetings", Op: "createMeeting", Group: "meetings",
			Summary: "Schedule a meeting or a series (managers); a meeting in the past is recorded and answered with in_past true",
			Request: "MeetingCreate", Response: "Meeting", Status: created, Auth: true, handle: s.createMeeting},
		{Method: get, Path: "/api/v1/communities/{id}/calendar.ics", Op: "getCommunityCalendar", Group: "meetings",
			Summary: "The community's meetings as an iCalendar (RFC 5545) feed; private ones with ?token= (the caller's calendar secret)",
			Query:   []param{{Name: "token", Doc: "a calendar secret (POST /api/v1/me/calendar-token), for calendar applications that send no header"}},
			Files:   []string{"text/calendar"}, Status: ok, handle: s.communityCalendar},
		{Method: get, Path: "/api/v1/meetings/{id}", Op: "getMeeting", Group: "meetings",
			Summary: "A meeting with its next occurrences (at least 10) and latest past ones, answers counted", Response: "Meeting",
			Status: ok, handle: s.getMeeting},
		{Method: patch, Path: "/api/v1/meetings/{id}", Op: "updateMeeting", Group: "meetings",
			Summary: "Change a meeting (managers); a new start or rule moves the whole series, and members are told",
			Request: "MeetingPatch", Response: "Meeting", Status: ok, Auth: true, handle: s.patchMeeting},
		{Method: get, Path: "/api/v1/meetings/{id}/calendar.ics", Op: "getMeetingCalendar", Group: "meetings",
			Summary: "The meeting as an iCalendar (RFC 5545) file: VTIMEZONE, RRULE, EXDATE, RECURRENCE-ID, SEQUENCE",
			Query:   []param{{Name: "token", Doc: "a calendar secret, for calendar applications that send no header"}},
			Files:   []string{"text/calendar"}, Status: ok, handle: s.meetingCalendar},
		{Method: put, Path: "/api/v1/meetings/{id}/rsvp", Op: "answerMeeting", Group: "meetings",
			Summary: "Answer yes, no or maybe to one occurrence (members of the community)", Request: "RSVPSet", Response: "RSVP",
			Status: ok, Auth: true, handle: s.putRSVP},
		{Method: post, Path: "/api/v1/meetings/{id}/cancel", Op: "cancelMeeting", Group: "meetings",
			Summary: "Cancel (or restore) one occurrence, or the whole meeting without occurrence (managers); members are told",
			Request: "OccurrenceCancel", BodyOptional: true, Response: "Meeting", Status: ok, Auth: true, handle: s.cancelMeeting},
		{Method: post, Path: "/api/v1/meetings/{id}/move", Op: "moveOccurrence", Group: "meetings",
			Summary: "Move one occurrence (managers): it keeps its answers and notebook; those who answered are told",
			Request: "OccurrenceMove", Response: "Meeting", Status: ok, Auth: true, handle: s.moveOccurrence},
		{Method: get, Path: "/api/v1/meetings/{id}/attendance", Op: "getAttendance", Group: "meetings",
			Summary:  "Who answered and who came to one occurrence (managers)",
			Query:    []param{{Name: "occurrence", Doc: "the occurrence's start (RFC 3339)"}},
			Response: "AttendanceList", Status: ok, Auth: true, handle: s.getAttendance},
		{Method: put, Path: "/api/v1/meetings/{id}/attendance", Op: "recordAttendance", Group: "meetings",
			Summary: "Record who came to one occurrence (managers); every name is checked before anything is written",
			Request: "AttendanceSet", Response: "AttendanceList", Status: ok, Auth: true, handle: s.putAttendance},
		{Method: put, Path: "/api/v1/meetings/{id}/note-taker", Op: "setNoteTaker", Group: "meetings",
			Summary: "Name the note-taker (managers): oneself at once (200), anyone else by invitation (202) until they accept",
			Request: "NoteTakerSet", Response: "Meeting", Status: ok, Auth: true, Invites: true, handle: s.putNoteTaker},
		{Method: post, Path: "/api/v1/meetings/{id}/invitation/accept", Op: "acceptMeetingInvitation", Group: "meetings",
			Summary: "Accept the caller's invitation to take the meeting's notes", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteMeeting, true)},
		{Method: post, Path: "/api/v1/meetings/{id}/invitation/decline", Op: "declineMeetingInvitation", Group: "meetings",
			Summary: "Decline the caller's invitation to take the meeting's notes", Response: "Invitation", Status: ok, Auth: true,
			handle: s.answerItemInvitation(maillage.InviteMeeting, false)},
		{Method: post, Path: "/api/v1/meetings/{id}/notebook", Op: "openOccurrenceNotebook", Group: "meetings",
			Summary: "Open an occurrence's notebook from the template (managers, note-taker): a minute, a public summary, public resources; again: the same notebook",
			Request: "OccurrenceNotebookOpen", Response: "OccurrenceNotebook", Status: created, Auth: true, handle: s.openOccurrenceNotebook},
		{Method: post, Path: "/api/v1/meetings/{id}/publish", Op: "publishOccurrence", Group: "meetings",
			Summary: "Publish an occurrence's summary and resources, filing them in public communities' notebooks (which tells those communities)",
			Request: "OccurrencePublish", Response: "Meeting", Status: ok, Auth: true, handle: s.publishOccurrence},
		{Method: get, Path: "/api/v1/me/calendar.ics", Op: "getMyCalendar", Group: "meetings",
			Summary: "The caller's calendar feed: the meetings of every community they belong to (with ?token= for calendar applications)",
			Query:   []param{{Name: "token", Doc: "the caller's calendar secret"}},
			Files:   []string{"text/calendar"}, Status: ok, handle: s.myCalendar},
		{Method: post, Path: "/api/v1/me/calendar-token", Op: "newCalendarToken", Group: "meetings",
			Summary: "Make the caller's calendar secret (shown once), replacing the old one", Response: "CalendarToken",
			Status: created, Auth: true, handle: s.newCalendarToken},
	}
}
