package maillage

import "time"

// Meeting (rencontre) is a community's meeting: one date or a series
// repeating by an RFC 5545 rule, in a time zone, in a place or behind a
// video-conference link. Its visibility is its community's members
// ("community") or everyone who can see the community ("public").
type Meeting struct {
	ID            string
	CommunityID   string
	CommunityName string
	Title         string
	// Description is the agenda, in Markdown.
	Description string
	// StartsAt is the first occurrence's start; Timezone (an IANA name)
	// gives the local time every occurrence keeps.
	StartsAt        time.Time
	DurationMinutes int
	Timezone        string
	// RRule is the recurrence rule's value without "RRULE:", "" for a
	// single meeting.
	RRule      string
	Location   string
	URL        string
	Visibility Visibility
	// NoteTakerID is the person who accepted to take the notes ("" when none).
	NoteTakerID   string
	NoteTakerName string
	// Sequence is iCalendar's SEQUENCE: raised by every change calendars must apply.
	Sequence    int
	CancelledAt *time.Time
	CreatedBy   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Tags        []Tag
	// Changes are the occurrences cancelled, moved or given a notebook.
	Changes []OccurrenceChange
}

// Cancelled reports whether the whole meeting (or series) is cancelled.
func (m Meeting) Cancelled() bool { return m.CancelledAt != nil }

// Access returns the policy view of a meeting in its community.
func (m Meeting) Access(c CommunityAccess) MeetingAccess {
	return MeetingAccess{Community: c, Visibility: m.Visibility}
}

// OccurrenceStatus says what became of one occurrence.
type OccurrenceStatus string

// Occurrence statuses.
const (
	OccurrenceScheduled OccurrenceStatus = "scheduled"
	OccurrenceCancelled OccurrenceStatus = "cancelled"
	OccurrenceMoved     OccurrenceStatus = "moved"
)

// OccurrenceChange is what is stored about one occurrence of a series:
// cancelled, moved (StartsAt, DurationMinutes), and its notebook once
// opened. Occurrence is the start the rule gave it, its identity for
// good (iCalendar's RECURRENCE-ID).
type OccurrenceChange struct {
	Occurrence      time.Time
	Status          OccurrenceStatus
	StartsAt        *time.Time
	DurationMinutes int
	Sequence        int
	NotebookID      string
	MinuteNoteID    string
	SummaryNoteID   string
	ResourcesNoteID string
	PublishedAt     *time.Time
}

// Occurrence is one meeting of a series as a page or the API shows it.
type Occurrence struct {
	// Occurrence is the original start (identity); StartsAt/EndsAt as it stands.
	Occurrence time.Time
	StartsAt   time.Time
	EndsAt     time.Time
	Status     OccurrenceStatus
	NotebookID string
	// Counts of answers, for the people who may read the meeting.
	Yes, No, Maybe int
	// MyAnswer is the viewer's RSVP ("" for none).
	MyAnswer RSVP
}

// RSVP is a member's answer to one occurrence.
type RSVP string

// Answers.
const (
	RSVPYes   RSVP = "yes"
	RSVPNo    RSVP = "no"
	RSVPMaybe RSVP = "maybe"
)

// Valid reports whether r is a known answer.
func (r RSVP) Valid() bool { return r == RSVPYes || r == RSVPNo || r == RSVPMaybe }

// Attendance is one person's row for one occurrence: their answer and
// whether they came, as a facilitator recorded it (nil: not recorded).
// People who attended the same occurrence have met: the relation graph
// reads these rows.
type Attendance struct {
	MeetingID  string
	Occurrence time.Time
	UserID     string
	UserName   string
	RSVP       RSVP
	Attended   *bool
}

// Meeting field limits.
const (
	MaxMeetingTitleLen       = 200
	MaxMeetingDescriptionLen = 20000
	MaxMeetingLocationLen    = 300
	MaxMeetingDurationMin    = 24 * 60
	// MaxAttendanceBatch bounds one recording of attendance.
	MaxAttendanceBatch = 2000
)

// MeetingInput is what a form or API call gives to create or edit a meeting.
type MeetingInput struct {
	Title           string
	Description     string
	StartsAt        time.Time
	DurationMinutes int
	Timezone        string
	RRule           string
	Location        string
	URL             string
	Visibility      string
	Tags            []string
}

// Validate checks the fields that need no time zone or rule library; the
// service checks the time zone and the rule.
func (in MeetingInput) Validate() error {
	var v Validator
	v.Required("title", in.Title)
	v.MaxLen("title", in.Title, MaxMeetingTitleLen)
	v.MaxLen("description", in.Description, MaxMeetingDescriptionLen)
	v.MaxLen("location", in.Location, MaxMeetingLocationLen)
	v.URL("url", in.URL)
	if in.StartsAt.IsZero() {
		v.Add("starts_at", "field.required", nil)
	}
	if in.DurationMinutes < 1 || in.DurationMinutes > MaxMeetingDurationMin {
		v.Add("duration_minutes", "meeting.duration_range", map[string]any{"Max": MaxMeetingDurationMin})
	}
	v.Required("visibility", in.Visibility)
	v.OneOf("visibility", in.Visibility, []string{string(VisibilityCommunity), string(VisibilityPublic)})
	validateTags(&v, "tags", in.Tags)
	return v.Err()
}

// RoleNoteTaker is the role a meeting invitation offers: taking the notes.
const RoleNoteTaker = "note_taker"
