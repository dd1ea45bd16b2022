package web

import "github.com/maillage/maillage/internal/maillage"

// meetingRoutes are the meeting pages of the route table: a community's
// meetings, a meeting's page, its changes, answers, attendance, notebooks
// and calendars.
func (s *server) meetingRoutes(t *routeTable) {
	t.page("GET /communities/{id}/meetings/new", s.newMeetingForm)
	t.page("POST /communities/{id}/meetings", s.createMeeting)
	t.page("GET /meetings/{id}", s.meeting)
	t.page("GET /meetings/{id}/edit", s.editMeetingForm)
	t.page("POST /meetings/{id}/edit", s.updateMeeting)
	t.page("GET /meetings/{id}/calendar.ics", s.meetingCalendar)
	t.page("POST /meetings/{id}/rsvp", s.answerMeeting)
	t.page("POST /meetings/{id}/cancel", s.cancelMeeting)
	t.page("POST /meetings/{id}/move", s.moveOccurrence)
	t.page("POST /meetings/{id}/note-taker", s.setNoteTaker)
	t.page("POST /meetings/{id}/invitation/accept", s.answerItemInvitation(maillage.InviteMeeting, true))
	t.page("POST /meetings/{id}/invitation/decline", s.answerItemInvitation(maillage.InviteMeeting, false))
	t.page("POST /meetings/{id}/notebook", s.openOccurrenceNotebook)
	t.page("GET /meetings/{id}/publish", s.publishForm)
	t.page("POST /meetings/{id}/publish", s.publishOccurrence)
	t.page("GET /meetings/{id}/attendance", s.attendanceForm)
	t.page("POST /meetings/{id}/attendance", s.recordAttendance)
	t.page("GET /calendar", s.calendarPage)
	t.page("POST /calendar/secret", s.newCalendarSecret)
}
