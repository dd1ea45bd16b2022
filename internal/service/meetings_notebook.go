package service

import (
	"context"
	"fmt"
	"time"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

// Notebook template of an occurrence: the category of each note.
const (
	meetingCatMinutes   = "Compte rendu"
	meetingCatSummary   = "Résumé public"
	meetingCatResources = "Ressources"
)

// OpenOccurrenceNotebook opens the notebook of one occurrence from the
// template, in one step: a notebook for the community's members, with a
// detailed minute (private to its authors, or for the community's
// members when minuteForCommunity), a summary and a resources note that
// become public when published (PublishOccurrence), each filed in its
// category. The community's managers
// and the meeting's note-taker may; the note-taker, when someone else
// opens it, is invited to co-author the three notes (consent, as for any
// co-author). A second click, or a click on an occurrence already
// opened, returns the notebook already there. It returns the notebook's ID.
func (s *Service) OpenOccurrenceNotebook(ctx context.Context, v maillage.Viewer, meetingID string, occurrence time.Time, minuteForCommunity bool) (string, error) {
	if err := requireSignedIn(v); err != nil {
		return "", err
	}
	m, access, err := s.visibleMeeting(ctx, v, meetingID)
	if err != nil {
		return "", err
	}
	if !maillage.CanManageMeeting(v, access) && m.NoteTakerID != v.UserID {
		return "", maillage.Errorf(maillage.CodeForbidden, "meeting.notebook_who")
	}
	if !v.IsMember(m.CommunityID) {
		return "", maillage.Errorf(maillage.CodeForbidden, "meeting.notebook_who")
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return "", err
	}
	var existing string
	var claimed bool
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		existing, claimed, err = tx.ClaimOccurrenceNotebook(ctx, meetingID, occ)
		return err
	})
	if err != nil {
		return "", err
	}
	if existing != "" {
		return existing, nil
	}
	if !claimed {
		return "", maillage.Errorf(maillage.CodeConflict, "meeting.notebook_opening")
	}
	id, err := s.openNotebook(ctx, v, m, occ, minuteForCommunity)
	if err != nil {
		_ = s.db.Update(ctx, func(tx *store.Tx) error { return tx.ReleaseOccurrenceNotebook(ctx, meetingID, occ) })
		return "", err
	}
	return id, nil
}

func (s *Service) openNotebook(ctx context.Context, v maillage.Viewer, m *maillage.Meeting, occ time.Time, minuteForCommunity bool) (string, error) {
	series, err := meetingSeries(m)
	if err != nil {
		return "", err
	}
	start := occ.In(series.Start.Location())
	for _, ch := range m.Changes {
		if ch.Occurrence.Equal(occ) && ch.StartsAt != nil {
			start = ch.StartsAt.In(series.Start.Location())
		}
	}
	day := frenchDay(start)
	title := fmt.Sprintf("%s — %s", m.Title, day)
	nb, err := s.CreateNotebook(ctx, v, maillage.NotebookInput{Title: title, Visibility: string(maillage.VisibilityCommunity), CommunityID: m.CommunityID,
		Description: fmt.Sprintf("Carnet de la rencontre « %s » du %s : compte rendu détaillé, résumé public et ressources partagées.", m.Title, day),
		Guide: "- **Compte rendu** : détaillé, réservé à ses auteur·rices (ou aux membres de la communauté).\n" +
			"- **Résumé public** : ce que tout le monde peut lire, sans nom de participant·e sans son accord.\n" +
			"- **Ressources** : les liens et documents partagés pendant la rencontre."})
	if err != nil {
		return "", err
	}
	var coAuthors []string
	if m.NoteTakerID != "" && m.NoteTakerID != v.UserID {
		coAuthors = []string{m.NoteTakerID}
	}
	minuteVis := maillage.VisibilityPrivate
	if minuteForCommunity {
		minuteVis = maillage.VisibilityCommunity
	}
	tags := make([]string, 0, len(m.Tags))
	for _, t := range m.Tags {
		tags = append(tags, t.Label)
	}
	notes := []struct {
		title, body, category string
		vis                   maillage.Visibility
	}{
		{title + " : compte rendu", "## Présences\n\n## Points discutés\n\n## Décisions\n\n## Suites à donner\n", meetingCatMinutes, minuteVis},
		// The summary and the resources are for the public once
		// published; until then the community's members prepare them,
		// since their titles name the meeting.
		{title + " : résumé", "## En bref\n\n## Ce que nous retenons\n", meetingCatSummary, maillage.VisibilityCommunity},
		{title + " : ressources", "## Ressources partagées\n\n- \n", meetingCatResources, maillage.VisibilityCommunity},
	}
	ids := make([]string, len(notes))
	for i, n := range notes {
		note, err := s.CreateNote(ctx, v, maillage.NoteInput{Title: n.title, Body: n.body, Kind: string(maillage.NoteGeneral),
			Visibility: string(n.vis), CommunityID: m.CommunityID, Tags: tags, AuthorIDs: coAuthors})
		if err != nil {
			return "", err
		}
		ids[i] = note.ID
		if _, err := s.AddNoteToNotebook(ctx, v, nb.ID, note.ID, n.category); err != nil {
			return "", err
		}
	}
	err = s.db.Update(ctx, func(tx *store.Tx) error {
		return tx.SetOccurrenceNotebook(ctx, m.ID, occ, nb.ID, ids[0], ids[1], ids[2])
	})
	return nb.ID, err
}

// PublishOccurrence publishes an occurrence's summary and resources: it
// makes both notes public (their authors may: the note-taker, or the
// manager who opened the notebook), records the publication and, in the
// same step, files them in the public notebooks chosen (each of a public
// community), which tells those communities exactly as integrating a
// note into a public notebook does. The community's managers and the
// note-taker may; filing in a notebook takes the right to contribute to
// it. Every notebook is checked before anything is changed.
func (s *Service) PublishOccurrence(ctx context.Context, v maillage.Viewer, meetingID string, occurrence time.Time, notebookIDs []string) error {
	if err := requireSignedIn(v); err != nil {
		return err
	}
	m, access, err := s.visibleMeeting(ctx, v, meetingID)
	if err != nil {
		return err
	}
	if !maillage.CanManageMeeting(v, access) && m.NoteTakerID != v.UserID {
		return maillage.Errorf(maillage.CodeForbidden, "meeting.notebook_who")
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return err
	}
	ch := changeOf(m, occ)
	if ch.NotebookID == "" || (ch.SummaryNoteID == "" && ch.ResourcesNoteID == "") {
		return maillage.Errorf(maillage.CodeConflict, "meeting.notebook_not_open")
	}
	for _, id := range notebookIDs {
		nb, err := s.Notebook(ctx, v, id)
		if err != nil {
			return err
		}
		if nb.Visibility != maillage.VisibilityPublic || !CanContributeToNotebook(v, nb) {
			return &maillage.Error{Code: maillage.CodeForbidden, MessageID: "meeting.publish_notebook",
				Fields: []maillage.FieldError{{Field: "notebook_ids", MessageID: "meeting.publish_notebook"}}}
		}
	}
	for _, noteID := range []string{ch.SummaryNoteID, ch.ResourcesNoteID} {
		if noteID == "" {
			continue
		}
		if err := s.makeNotePublic(ctx, v, noteID); err != nil {
			return err
		}
	}
	for _, id := range notebookIDs {
		for _, noteID := range []string{ch.SummaryNoteID, ch.ResourcesNoteID} {
			if noteID == "" {
				continue
			}
			if _, err := s.AddNoteToNotebook(ctx, v, id, noteID, ""); err != nil {
				return err
			}
		}
	}
	return s.db.Update(ctx, func(tx *store.Tx) error { return tx.MarkOccurrencePublished(ctx, meetingID, occ) })
}

// frenchDay writes a date the way the notebook's French titles do
// ("1er mars 2026", "14 mai 2025").
func frenchDay(t time.Time) string {
	months := [...]string{"janvier", "février", "mars", "avril", "mai", "juin",
		"juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	day := fmt.Sprint(t.Day())
	if t.Day() == 1 {
		day = "1er"
	}
	return fmt.Sprintf("%s %s %d", day, months[t.Month()-1], t.Year())
}

// PublicNotebooksToPublishIn lists the public notebooks of public
// communities the viewer may file notes in: where a meeting's summary
// and resources can be published.
func (s *Service) PublicNotebooksToPublishIn(ctx context.Context, v maillage.Viewer) ([]maillage.Notebook, error) {
	if err := requireSignedIn(v); err != nil {
		return nil, err
	}
	nbs, _, err := s.Notebooks(ctx, v, NotebookFilter{MemberID: v.UserID, Page: Page{Limit: 200}})
	if err != nil {
		return nil, err
	}
	var out []maillage.Notebook
	for i := range nbs {
		nb := &nbs[i]
		if nb.Visibility != maillage.VisibilityPublic || nb.CommunityID == "" {
			continue
		}
		c, err := s.db.Community(ctx, nb.CommunityID)
		if err != nil || c.Visibility != maillage.VisibilityPublic {
			continue
		}
		full, err := s.Notebook(ctx, v, nb.ID)
		if err != nil || !CanContributeToNotebook(v, full) {
			continue
		}
		out = append(out, *full)
	}
	return out, nil
}

// makeNotePublic turns a note public, its other fields unchanged; a note
// public already is left alone. Only its authors may.
func (s *Service) makeNotePublic(ctx context.Context, v maillage.Viewer, id string) error {
	n, err := s.Note(ctx, v, id)
	if err != nil {
		return err
	}
	if n.Visibility == maillage.VisibilityPublic {
		return nil
	}
	if !maillage.CanEditContent(v, n.Access()) {
		return maillage.Errorf(maillage.CodeForbidden, "meeting.publish_authors")
	}
	tags := make([]string, 0, len(n.Tags))
	for _, t := range n.Tags {
		tags = append(tags, t.Label)
	}
	_, err = s.UpdateNote(ctx, v, id, maillage.NoteInput{Title: n.Title, Body: n.Body, Summary: n.Summary, Kind: string(n.Kind),
		Visibility: string(maillage.VisibilityPublic), CommunityID: n.CommunityID, OrganizationID: n.OrganizationID,
		PersonUserID: n.PersonUserID, AuthorsAreManagers: n.AuthorsAreManagers, License: string(n.License), Tags: tags, Version: n.Version})
	return err
}

// AttachOccurrenceNotebook records an existing notebook, and its minute,
// summary and resources notes (any may be ""), as one occurrence's: for
// meetings held before Maillage, whose notes were written elsewhere. The
// community's managers may, with a notebook of the meeting's community
// and notes they can see.
func (s *Service) AttachOccurrenceNotebook(ctx context.Context, v maillage.Viewer, meetingID string, occurrence time.Time, notebookID, minuteID, summaryID, resourcesID string) error {
	m, err := s.managedMeeting(ctx, v, meetingID)
	if err != nil {
		return err
	}
	occ, err := checkOccurrence(m, occurrence)
	if err != nil {
		return err
	}
	nb, err := s.Notebook(ctx, v, notebookID)
	if err != nil {
		return err
	}
	if nb.CommunityID != m.CommunityID {
		return meetingFieldError("notebook_id", "meeting.notebook_other_community")
	}
	for _, id := range []string{minuteID, summaryID, resourcesID} {
		if id == "" {
			continue
		}
		if _, err := s.Note(ctx, v, id); err != nil {
			return err
		}
	}
	return s.db.Update(ctx, func(tx *store.Tx) error {
		return tx.SetOccurrenceNotebook(ctx, meetingID, occ, notebookID, minuteID, summaryID, resourcesID)
	})
}
