package service_test

import (
	"testing"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// kindsIn lists the kinds of a person's notifications.
func kindsIn(list []maillage.Notification) []maillage.EventKind {
	var out []maillage.EventKind
	for _, n := range list {
		out = append(out, n.Kind)
	}
	return out
}

func hasKind(list []maillage.Notification, k maillage.EventKind) bool {
	for _, n := range list {
		if n.Kind == k {
			return true
		}
	}
	return false
}

func mustNote(t *testing.T, w *nsWorld, who string, in maillage.NoteInput) *maillage.Note {
	t.Helper()
	n, err := w.s.CreateNote(w.ctx, w.viewer(who), in)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCommentsHaveTheNotesVisibility: a comment is seen, counted and
// answered by whoever sees the note and nobody else; its author and
// earlier commenters hear of new comments; the note's authors moderate.
func TestCommentsHaveTheNotesVisibility(t *testing.T) {
	w := newNSWorld(t, nil)
	for _, n := range []string{"Autrice", "Lectrice", "Membre", "Dehors"} {
		w.user(n, "fr-CA")
	}
	c := w.community("Cercle", maillage.VisibilityPrivate, "Autrice", "Lectrice", "Membre")
	note := mustNote(t, w, "Autrice", maillage.NoteInput{Title: "Compte rendu du cercle", Body: "Texte", Kind: "general",
		Visibility: "community", CommunityID: c.ID, License: string(maillage.LicenseCCBY)})

	if _, err := w.s.CreateComment(w.ctx, w.viewer("Dehors"), note.ID, maillage.CommentInput{Body: "Je passe"}); !maillage.IsNotFound(err) {
		t.Fatalf("an outsider comments on a note they cannot see: %v", err)
	}
	if _, _, err := w.s.NoteComments(w.ctx, w.viewer("Dehors"), note.ID); !maillage.IsNotFound(err) {
		t.Fatalf("an outsider lists the comments of a note they cannot see: %v", err)
	}
	if _, _, err := w.s.NoteComments(w.ctx, maillage.Anonymous(), note.ID); !maillage.IsNotFound(err) {
		t.Fatalf("a visitor lists the comments of a community note: %v", err)
	}
	if _, err := w.s.CreateComment(w.ctx, w.viewer("Lectrice"), note.ID, maillage.CommentInput{Body: "  "}); maillage.AsError(err).Code != maillage.CodeInvalid {
		t.Fatalf("an empty comment: %v", err)
	}
	first, err := w.s.CreateComment(w.ctx, w.viewer("Lectrice"), note.ID, maillage.CommentInput{Body: "Merci, très utile."})
	if err != nil {
		t.Fatal(err)
	}
	w.drain()
	if got := w.inbox("Autrice"); !hasKind(got, maillage.EventNoteComment) || got[0].SubjectID != note.ID {
		t.Fatalf("the author was not told of the comment: %v", kindsIn(got))
	}
	if got := w.inbox("Dehors"); len(got) != 0 {
		t.Fatalf("an outsider was told: %v", kindsIn(got))
	}
	// The author answers; the answer to the answer joins the same comment,
	// and the earlier commenter hears of it.
	answer, err := w.s.CreateComment(w.ctx, w.viewer("Autrice"), note.ID, maillage.CommentInput{Body: "Avec plaisir.", ParentID: first.ID})
	if err != nil {
		t.Fatal(err)
	}
	deeper, err := w.s.CreateComment(w.ctx, w.viewer("Membre"), note.ID, maillage.CommentInput{Body: "Moi aussi.", ParentID: answer.ID})
	if err != nil {
		t.Fatal(err)
	}
	if answer.ParentID != first.ID || deeper.ParentID != first.ID {
		t.Fatalf("nesting: %q %q, want both %q", answer.ParentID, deeper.ParentID, first.ID)
	}
	w.drain()
	if !hasKind(w.inbox("Lectrice"), maillage.EventNoteComment) {
		t.Fatal("the first commenter was not told of the answers")
	}
	list, total, err := w.s.NoteComments(w.ctx, w.viewer("Membre"), note.ID)
	if err != nil || total != 3 || len(list) != 1 || len(list[0].Answers) != 2 {
		t.Fatalf("comments: %d %d %v", total, len(list), err)
	}
	if list[0].HTML == "" || list[0].CanModerate || list[0].CanDelete {
		t.Fatalf("a member's view of another's comment: %+v", list[0])
	}

	// Moderation: only the note's authors hide; a hidden comment stays
	// with its author and the note's authors, uncounted for others.
	if _, err := w.s.SetCommentHidden(w.ctx, w.viewer("Membre"), first.ID, true); maillage.AsError(err).Code != maillage.CodeForbidden {
		t.Fatalf("a member hides a comment: %v", err)
	}
	if _, err := w.s.SetCommentHidden(w.ctx, w.viewer("Autrice"), first.ID, true); err != nil {
		t.Fatal(err)
	}
	for who, want := range map[string]int{"Autrice": 3, "Lectrice": 3, "Membre": 0} {
		_, n, err := w.s.NoteComments(w.ctx, w.viewer(who), note.ID)
		if err != nil || n != want {
			t.Errorf("%s counts %d comments (%v), want %d", who, n, err, want)
		}
	}
	if _, err := w.s.CreateComment(w.ctx, w.viewer("Membre"), note.ID, maillage.CommentInput{Body: "Hop", ParentID: first.ID}); maillage.AsError(err).Code != maillage.CodeInvalid {
		t.Fatalf("answering a hidden comment: %v", err)
	}
	if _, err := w.s.SetCommentHidden(w.ctx, w.viewer("Autrice"), first.ID, false); err != nil {
		t.Fatal(err)
	}
	// Deleting a comment with answers keeps its place.
	if _, err := w.s.DeleteComment(w.ctx, w.viewer("Membre"), first.ID); maillage.AsError(err).Code != maillage.CodeForbidden {
		t.Fatalf("a member deletes another's comment: %v", err)
	}
	if _, err := w.s.DeleteComment(w.ctx, w.viewer("Lectrice"), first.ID); err != nil {
		t.Fatal(err)
	}
	list, total, err = w.s.NoteComments(w.ctx, w.viewer("Membre"), note.ID)
	if err != nil || total != 2 || len(list) != 1 || !list[0].Deleted() || list[0].Body != "" {
		t.Fatalf("after deleting the first comment: %d %+v %v", total, list, err)
	}

	// The note goes private: its comments go with it.
	if _, err := w.s.UpdateNote(w.ctx, w.viewer("Autrice"), note.ID, maillage.NoteInput{Title: note.Title, Body: "Texte",
		Kind: "general", Visibility: "private", License: string(maillage.LicenseCCBY)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.s.NoteComments(w.ctx, w.viewer("Lectrice"), note.ID); !maillage.IsNotFound(err) {
		t.Fatalf("the comments of a note gone private: %v", err)
	}
}

// TestProposalsToANotebook: anyone who may read a notebook and a note
// proposes it; the managers are told, see the proposals whose note they
// may see, and accept (the note is filed) or decline; the proposer is
// told either way. Nobody else sees a proposal.
func TestProposalsToANotebook(t *testing.T) {
	w := newNSWorld(t, nil)
	for _, n := range []string{"Gestion", "Animatrice", "Passant"} {
		w.user(n, "fr-CA")
	}
	c := w.community("Numérique", maillage.VisibilityPublic, "Gestion")
	nb, err := w.s.CreateNotebook(w.ctx, w.viewer("Gestion"), maillage.NotebookInput{Title: "Ressources du numérique",
		Visibility: "public", CommunityID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	summary := mustNote(t, w, "Animatrice", maillage.NoteInput{Title: "Résumé de la rencontre", Body: "Texte", Kind: "general",
		Visibility: "public", License: string(maillage.LicenseCCBY)})
	secret := mustNote(t, w, "Animatrice", maillage.NoteInput{Title: "Notes personnelles", Body: "Texte", Kind: "general",
		Visibility: "private", License: string(maillage.LicenseCCBY)})

	if _, err := w.s.ProposeNote(w.ctx, w.viewer("Passant"), nb.ID, maillage.ProposalInput{NoteID: secret.ID}); !maillage.IsNotFound(err) {
		t.Fatalf("proposing a note one cannot see: %v", err)
	}
	if _, err := w.s.ProposeNote(w.ctx, maillage.Anonymous(), nb.ID, maillage.ProposalInput{NoteID: summary.ID}); err == nil {
		t.Fatal("a visitor proposed a note")
	}
	p, err := w.s.ProposeNote(w.ctx, w.viewer("Animatrice"), nb.ID, maillage.ProposalInput{NoteID: summary.ID, Message: "Pour la communauté"})
	if err != nil || p.Status != maillage.ProposalPending {
		t.Fatalf("propose: %+v %v", p, err)
	}
	if _, err := w.s.ProposeNote(w.ctx, w.viewer("Passant"), nb.ID, maillage.ProposalInput{NoteID: summary.ID}); maillage.AsError(err).Code != maillage.CodeConflict {
		t.Fatalf("a note proposed twice: %v", err)
	}
	hidden, err := w.s.ProposeNote(w.ctx, w.viewer("Animatrice"), nb.ID, maillage.ProposalInput{NoteID: secret.ID})
	if err != nil {
		t.Fatal(err)
	}
	w.drain()
	got := w.inbox("Gestion")
	if len(got) != 1 || got[0].Kind != maillage.EventNoteProposed || got[0].ParentTitle != summary.Title {
		t.Fatalf("the manager's notifications: %+v", got)
	}
	lists := map[string]int{"Gestion": 1, "Animatrice": 2, "Passant": 0}
	for who, want := range lists {
		list, err := w.s.NotebookProposals(w.ctx, w.viewer(who), nb.ID)
		if err != nil || len(list) != want {
			t.Errorf("%s sees %d proposals (%v), want %d", who, len(list), err, want)
		}
	}
	if _, err := w.s.AnswerProposal(w.ctx, w.viewer("Animatrice"), nb.ID, p.ID, true); maillage.AsError(err).Code != maillage.CodeForbidden {
		t.Fatalf("the proposer accepts: %v", err)
	}
	if _, err := w.s.AnswerProposal(w.ctx, w.viewer("Passant"), nb.ID, p.ID, true); !maillage.IsNotFound(err) {
		t.Fatalf("a stranger answers: %v", err)
	}
	if _, err := w.s.AnswerProposal(w.ctx, w.viewer("Gestion"), nb.ID, hidden.ID, true); !maillage.IsNotFound(err) {
		t.Fatalf("a manager accepts a note they cannot see: %v", err)
	}
	if _, err := w.s.AnswerProposal(w.ctx, w.viewer("Gestion"), nb.ID, p.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AnswerProposal(w.ctx, w.viewer("Gestion"), nb.ID, p.ID, false); maillage.AsError(err).Code != maillage.CodeConflict {
		t.Fatalf("answering twice: %v", err)
	}
	entries, _, err := w.s.NotebookNotes(w.ctx, maillage.Anonymous(), nb.ID, service.NotebookNoteFilter{Page: service.Page{Limit: 10}})
	if err != nil || len(entries) != 1 || entries[0].Note.ID != summary.ID {
		t.Fatalf("the accepted note is not in the notebook: %+v %v", entries, err)
	}
	if _, err := w.s.ProposeNote(w.ctx, w.viewer("Passant"), nb.ID, maillage.ProposalInput{NoteID: summary.ID}); maillage.AsError(err).Code != maillage.CodeConflict {
		t.Fatalf("proposing a note already filed: %v", err)
	}
	w.drain()
	if !hasKind(w.inbox("Animatrice"), maillage.EventProposalAccepted) {
		t.Fatalf("the proposer was not told: %v", kindsIn(w.inbox("Animatrice")))
	}

	// A declined proposal tells its author too.
	other := mustNote(t, w, "Passant", maillage.NoteInput{Title: "Lien utile", Body: "https://exemple.org", Kind: "general",
		Visibility: "public", License: string(maillage.LicenseCCBY)})
	q, err := w.s.ProposeNote(w.ctx, w.viewer("Passant"), nb.ID, maillage.ProposalInput{NoteID: other.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.AnswerProposal(w.ctx, w.viewer("Gestion"), nb.ID, q.ID, false); err != nil {
		t.Fatal(err)
	}
	w.drain()
	if !hasKind(w.inbox("Passant"), maillage.EventProposalDeclined) {
		t.Fatalf("the proposer of a declined note was not told: %v", kindsIn(w.inbox("Passant")))
	}

	// A private notebook: whoever may not read it may not propose to it.
	priv, err := w.s.CreateNotebook(w.ctx, w.viewer("Gestion"), maillage.NotebookInput{Title: "Carnet privé", Visibility: "private"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.s.ProposeNote(w.ctx, w.viewer("Passant"), priv.ID, maillage.ProposalInput{NoteID: other.ID}); !maillage.IsNotFound(err) {
		t.Fatalf("proposing to a notebook one cannot read: %v", err)
	}
	if _, err := w.s.NotebookProposals(w.ctx, w.viewer("Passant"), priv.ID); !maillage.IsNotFound(err) {
		t.Fatalf("listing the proposals of a notebook one cannot read: %v", err)
	}
}
