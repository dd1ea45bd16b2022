package demo

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// The meetings of the community of practice as a calendar: the two
// framing meetings, then the series every two months on the second
// Wednesday from 13 h 30 to 15 h 30, with its summer breaks cancelled,
// the September 2026 meeting moved a week later, and the eight meetings
// held so far attached to their notes in the notebook « Rencontres de la
// CdP », attendance taken from their minutes. Members have answered the
// next meeting.

const (
	seriesTitle = "Rencontre de la communauté de pratique"
	seriesRule  = "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE"
	meetingURL  = "https://visio.exemple.org/cdp-numerique"
)

// framingMeetings fixed the parameters of the community of practice.
var framingMeetings = []struct {
	title, agenda string
	month, day    int
}{
	{"Cadrage 1 — besoins et intentions", "1. Le besoin de l’organisation\n2. Ce qu’une communauté de pratique peut apporter\n3. Les personnes à inviter", 1, 22},
	{"Cadrage 2 — paramètres et mandat", "1. Rencontres virtuelles de deux heures tous les deux mois\n2. Les questions que la communauté abordera\n3. Relecture du [[Mandat de la communauté de pratique]]", 2, 12},
}

// presences reads the people present from a minute's « Présences (N) » line.
var presences = regexp.MustCompile(`\*\*Présences \(\d+\)\*\* : ([^\n]+)\.`)

func (l *loader) meetingCalendar(ctx context.Context, sum *Summary) error {
	loc, err := time.LoadLocation("America/Toronto")
	if err != nil {
		return err
	}
	communityID := l.communityIDs[cdpName]
	camille, err := l.viewer(ctx, l.users[DemoName])
	if err != nil {
		return err
	}
	for _, f := range framingMeetings {
		res, err := l.s.CreateMeeting(ctx, camille, communityID, maillage.MeetingInput{Title: f.title, Description: f.agenda,
			StartsAt: time.Date(2025, time.Month(f.month), f.day, 10, 0, 0, 0, loc), DurationMinutes: 120, URL: meetingURL,
			Visibility: string(maillage.VisibilityCommunity), Tags: []string{tagNumerique}})
		if err != nil {
			return fmt.Errorf("framing meeting: %w", err)
		}
		sum.Meetings++
		if err := l.attend(ctx, camille, res.Meeting.ID, res.Meeting.StartsAt, []string{DemoName, "Nadia Diallo"}); err != nil {
			return err
		}
	}
	res, err := l.s.CreateMeeting(ctx, camille, communityID, maillage.MeetingInput{Title: seriesTitle,
		Description: "Deux heures d’échanges entre pratiques d’accompagnement, tous les deux mois.\n\n" +
			"Ordre du jour habituel : tour de table, présentation d’un cas, discussion, ressources partagées. " +
			"Le compte rendu détaillé reste réservé à ses auteur·rices; le résumé et les ressources sont publics.",
		StartsAt: time.Date(2025, 3, 12, 13, 30, 0, 0, loc), DurationMinutes: 120, RRule: seriesRule, URL: meetingURL,
		Visibility: string(maillage.VisibilityCommunity), Tags: []string{tagNumerique, tagLitteratie}})
	if err != nil {
		return fmt.Errorf("series: %w", err)
	}
	sum.Meetings++
	id := res.Meeting.ID
	// The note-taker accepts the role.
	inv, err := l.s.SetNoteTaker(ctx, camille, id, l.users["Amina Benali"])
	if err := l.consent(ctx, inv, err); err != nil {
		return fmt.Errorf("note-taker: %w", err)
	}
	// Summer breaks, and the meeting of November 2026 postponed to January.
	for _, d := range [][3]int{{2025, 7, 9}, {2026, 7, 8}, {2026, 11, 11}} {
		if err := l.s.CancelOccurrence(ctx, camille, id, time.Date(d[0], time.Month(d[1]), d[2], 13, 30, 0, 0, loc), true); err != nil {
			return fmt.Errorf("cancel %v: %w", d, err)
		}
	}
	if err := l.s.MoveOccurrence(ctx, camille, id, time.Date(2026, 9, 9, 13, 30, 0, 0, loc), time.Date(2026, 9, 16, 13, 30, 0, 0, loc), 0); err != nil {
		return fmt.Errorf("move September 2026: %w", err)
	}
	nbs, _, err := l.s.Notebooks(ctx, camille, service.NotebookFilter{Query: cdpNotebookTitle, Page: service.Page{Limit: 5}})
	if err != nil || len(nbs) == 0 {
		return fmt.Errorf("the meetings notebook: %w", err)
	}
	held := []time.Time{date(loc, 2025, 3, 12), date(loc, 2025, 5, 14), date(loc, 2025, 9, 10), date(loc, 2025, 11, 12),
		date(loc, 2026, 1, 14), date(loc, 2026, 3, 11), date(loc, 2026, 5, 13), date(loc, 2026, 9, 9)}
	for i, m := range meetings {
		resources := ""
		if len(m.resources) > 0 {
			resources = l.notes[m.resources[0].title]
		}
		// A manager who signed the (private) minute files it: Nadia when
		// she facilitated instead of Camille.
		by := camille
		if !slices.Contains(m.minute.authors, DemoName) {
			if by, err = l.viewer(ctx, l.users["Nadia Diallo"]); err != nil {
				return err
			}
		}
		if err := l.s.AttachOccurrenceNotebook(ctx, by, id, held[i], nbs[0].ID, l.notes[m.minute.title], l.notes[m.summary.title], resources); err != nil {
			return fmt.Errorf("meeting %d's notebook: %w", i+1, err)
		}
		found := presences.FindStringSubmatch(m.minute.body)
		if found == nil {
			return fmt.Errorf("meeting %d: no attendance in its minute", i+1)
		}
		if err := l.attend(ctx, camille, id, held[i], strings.Split(found[1], ", ")); err != nil {
			return fmt.Errorf("meeting %d: %w", i+1, err)
		}
	}
	// The next meeting, in January 2027: the first answers.
	next := date(loc, 2027, 1, 13)
	for name, answer := range map[string]maillage.RSVP{"Amina Benali": maillage.RSVPYes, "Nadia Diallo": maillage.RSVPYes,
		"Sophie Lavoie": maillage.RSVPYes, "Karim Haddad": maillage.RSVPMaybe, "Léa Chen": maillage.RSVPYes,
		"Samuel Joseph": maillage.RSVPNo, "Roseline Pierre-Louis": maillage.RSVPMaybe} {
		v, err := l.viewer(ctx, l.users[name])
		if err != nil {
			return err
		}
		if err := l.s.AnswerMeeting(ctx, v, id, next, answer); err != nil {
			return fmt.Errorf("%s answers: %w", name, err)
		}
	}
	return nil
}

func date(loc *time.Location, y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 13, 30, 0, 0, loc)
}

// attend records who came to an occurrence: the people named, among the
// community's members; the other members did not come.
func (l *loader) attend(ctx context.Context, v maillage.Viewer, meetingID string, occurrence time.Time, names []string) error {
	came := map[string]bool{}
	for _, n := range names {
		id, ok := l.users[strings.TrimSpace(n)]
		if !ok {
			return fmt.Errorf("attendance: unknown person %q", n)
		}
		came[id] = true
	}
	marks := map[string]*bool{}
	for _, c := range communities {
		if c.name != cdpName {
			continue
		}
		for _, n := range append(append([]string{c.creator}, c.managers...), c.members...) {
			b := came[l.users[n]]
			marks[l.users[n]] = &b
		}
	}
	return l.s.RecordAttendance(ctx, v, meetingID, occurrence, marks)
}
