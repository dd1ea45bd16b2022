package web

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"

	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/service"
)

// contentWorld adds to a world what its members write and say: notes
// linking to each other, with files and a history; a notebook with
// categories in a knowledge base; a discussion with replies, reactions, a
// shared note and a report; a conversation; a pending invitation, a
// block, follows and the notifications all this sends Alice.
type contentWorld struct {
	*world
	// Guide is a public note with headings (a table of contents), an
	// image, a backlink from Report and two revisions.
	Guide, Report *maillage.Note
	Notebook      *maillage.Notebook
	Base          *maillage.KnowledgeBase
	Thread        *maillage.Thread
	Conversation  string
	// Revision is the number of the Guide's latest revision.
	Revision int
}

func (e *env) contentWorld() *contentWorld {
	e.t.Helper()
	ctx := context.Background()
	cw := &contentWorld{world: e.world()}
	w := cw.world
	alice, bob := e.viewer(w.Alice.ID), e.viewer(w.Bob.ID)
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	var err error

	// Notes: the guide has enough headings for a table of contents, an
	// image and, once edited, a history; the report links to it.
	body := "Comment animer une rencontre de la communauté.\n\n## Avant la rencontre\n\nPréparer l’ordre du jour.\n\n" +
		"## Pendant la rencontre\n\nDonner la parole à chacun·e.\n\n### Le tour de table\n\nCourt et minuté.\n\n" +
		"## Après la rencontre\n\nEnvoyer le compte rendu.\n"
	cw.Guide, err = e.Svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Guide de l’animation", Kind: "general",
		Visibility: "public", Body: body, Summary: "Les étapes d’une rencontre réussie.", Tags: []string{"numérique", "animation"},
		AuthorIDs: []string{w.Bob.ID}, CommunityID: w.Public.ID})
	must(err)
	cw.Guide, err = e.Svc.UpdateNote(ctx, alice, cw.Guide.ID, maillage.NoteInput{Title: cw.Guide.Title, Kind: "general",
		Visibility: "public", Body: strings.Replace(body, "Court et minuté.", "Court, minuté et bienveillant.", 1),
		Summary: cw.Guide.Summary, Tags: []string{"numérique", "animation"}, CommunityID: w.Public.ID, Version: cw.Guide.Version})
	must(err)
	var img bytes.Buffer
	must(png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 40, 30))))
	_, err = e.Svc.UploadAttachment(ctx, alice, cw.Guide.ID, "tableau-blanc.png", &img)
	must(err)
	_, err = e.Svc.UploadAttachment(ctx, alice, cw.Guide.ID, "ordre-du-jour.txt", strings.NewReader("1. Accueil\n2. Bilan\n"))
	must(err)
	cw.Report, err = e.Svc.CreateNote(ctx, bob, maillage.NoteInput{Title: "Compte rendu de mai", Kind: "general",
		Visibility: "public", Body: "Nous avons suivi le [[Guide de l’animation]].", Tags: []string{"numérique"}})
	must(err)
	_, err = e.Svc.CreateNote(ctx, alice, maillage.NoteInput{Title: "Économie sociale", Kind: "term",
		Visibility: "community", CommunityID: w.Public.ID, Summary: "Entreprises collectives au service de leur milieu.",
		Body: "Coopératives, OBNL et mutuelles."})
	must(err)
	_, revs, err := e.Svc.NoteRevisions(ctx, alice, cw.Guide.ID)
	must(err)
	for _, r := range revs {
		cw.Revision = max(cw.Revision, r.Number)
	}

	// A notebook with categories, in a knowledge base.
	cw.Notebook, err = e.Svc.CreateNotebook(ctx, alice, maillage.NotebookInput{Title: "Rencontres 2026",
		Description: "Les notes de nos **rencontres**.", Guide: "Une note par rencontre.", Visibility: "public"})
	must(err)
	for _, name := range []string{"Méthodes", "Comptes rendus", "Ressources"} {
		_, err = e.Svc.CreateNotebookCategory(ctx, alice, cw.Notebook.ID, name)
		must(err)
	}
	_, err = e.Svc.AddNoteToNotebook(ctx, alice, cw.Notebook.ID, cw.Guide.ID, "Méthodes")
	must(err)
	_, err = e.Svc.AddNoteToNotebook(ctx, alice, cw.Notebook.ID, cw.Report.ID, "Comptes rendus")
	must(err)
	cw.Base, err = e.Svc.CreateKnowledgeBase(ctx, alice, maillage.NotebookInput{Title: "Savoirs de l’animation",
		Description: "Tout ce que nous avons appris.", Visibility: "public"})
	must(err)
	_, err = e.Svc.AddNotebookToKnowledgeBase(ctx, alice, cw.Base.ID, cw.Notebook.ID)
	must(err)

	// A discussion: a thread with replies and reactions, a shared note,
	// and a report for the moderators.
	cw.Thread, err = e.Svc.CreateThread(ctx, alice, w.Public.ID, maillage.ThreadInput{Title: "Ordre du jour de juin",
		Body: "Que mettons-nous à l’ordre du jour ? Voir https://coop.example.org/juin"})
	must(err)
	first, err := e.Svc.CreateReply(ctx, bob, cw.Thread.ID, maillage.ReplyInput{Body: "Le bilan du budget participatif."})
	must(err)
	_, err = e.Svc.CreateReply(ctx, alice, cw.Thread.ID, maillage.ReplyInput{Body: "Bonne idée, je l’ajoute.", ParentID: first.ID})
	must(err)
	_, err = e.Svc.ToggleReaction(ctx, bob, maillage.SubjectThread, cw.Thread.ID, maillage.ReactionThumbsUp)
	must(err)
	_, err = e.Svc.ToggleReaction(ctx, alice, maillage.SubjectReply, first.ID, maillage.ReactionThanks)
	must(err)
	_, err = e.Svc.ShareNote(ctx, alice, w.Public.ID, cw.Guide.ID)
	must(err)
	must(e.Svc.ReportPost(ctx, bob, maillage.SubjectReply, first.ID, "Hors sujet, à déplacer."))

	// Messages, an invitation, a block and follows.
	conv, err := e.Svc.StartConversation(ctx, bob, service.ConversationInput{ParticipantIDs: []string{w.Alice.ID},
		Subject: "Prochaine rencontre", Body: "Bonjour Alice,\nes-tu libre jeudi ?"})
	must(err)
	cw.Conversation = conv.ID
	_, err = e.Svc.PostMessage(ctx, alice, conv.ID, "Oui, à 10 h.")
	must(err)
	must(e.Svc.Invite(ctx, alice, w.Public.ID, w.Carol.ID))
	// Dominique is found by the invitation search beside Carol.
	e.user("Dominique Roy", "dominique@example.org")
	must(e.Svc.BlockPerson(ctx, alice, w.Carol.ID))
	must(e.Svc.Follow(ctx, alice, maillage.FollowNotebook, cw.Notebook.ID))
	must(e.Svc.Follow(ctx, alice, maillage.FollowPerson, w.Bob.ID))

	// Bob starts a thread: Alice is told, with what came before.
	_, err = e.Svc.CreateThread(ctx, bob, w.Public.ID, maillage.ThreadInput{Title: "Atelier vélo", Body: "Qui vient samedi ?"})
	must(err)
	must(e.notifyWorker().Drain(ctx))
	return cw
}
