package demo

import (
	"context"
	"fmt"
	"slices"

	"github.com/maillage/maillage/internal/maillage"
)

// notebookSpec is one demo notebook. The creator manages it; managers and
// contributors are added by the creator.
type notebookSpec struct {
	title, description, guide string
	visibility                maillage.Visibility
	community                 string
	creator                   string
	managers, contributors    []string
	// categories are created in this order, so they list the same way.
	categories []string
}

// Titles and categories the loader and the tests refer to.
const (
	cdpNotebookTitle       = "Rencontres de la CdP"
	communityNotebookTitle = "Carnet de la communauté : ressources numériques"
	lexiconTitle           = "Lexique"
	knowledgeBaseTitle     = "Savoirs de la CdP numérique"
	publicCommunityName    = "Numériques et données"

	catMinutes   = "Comptes rendus"
	catSummaries = "Résumés publics"
	catResources = "Ressources"
	catActors    = "Actrices et acteurs"

	catRelayedSummaries = "Résumés de la CdP Transformation numérique"
	catRelayedTools     = "Guides et outils"
)

// The notebook of the community of practice: one entry per meeting note,
// plus the cards about actors of the field.
var cdpNotebook = notebookSpec{
	title: cdpNotebookTitle,
	description: "Les rencontres de la communauté de pratique sur la transformation numérique des organismes communautaires : " +
		"pour chaque rencontre, le compte rendu détaillé (réservé à ses auteur·rices), le résumé public et les ressources partagées. " +
		"On y trouve aussi des fiches sur les organisations et les personnes qui comptent dans le domaine.",
	guide: "## Comment contribuer\n\n" +
		"- **Comptes rendus** : privés, rédigés par la personne qui prend les notes et la personne qui anime. Nommez les personnes présentes et notez les décisions.\n" +
		"- **Résumés publics** : sous licence CC BY 4.0, sans nom de participant·e sans son accord. Liez les ressources et les termes du lexique avec des doubles crochets, par exemple [[Communauté de pratique]].\n" +
		"- **Ressources** : publiques, avec un résumé d’une ligne et au moins une étiquette de la taxonomie.\n\n" +
		"Les résumés et les ressources sont relayés dans le carnet de la communauté « Numériques et données ».",
	visibility:   maillage.VisibilityCommunity,
	community:    cdpName,
	creator:      demoFirst + " " + demoLast,
	managers:     []string{"Nadia Diallo"},
	contributors: []string{"Amina Benali", "Noé Petit", "Léa Chen", "Karim Haddad", "Samuel Joseph"},
	categories:   []string{catMinutes, catSummaries, catResources, catActors},
}

// The public notebook of the thematic community, into which the
// community of practice relays what it publishes.
var communityNotebook = notebookSpec{
	title: communityNotebookTitle,
	description: "Guides, outils et résumés de rencontres sur le numérique au service des organismes communautaires, " +
		"réunis par les membres de « Numériques et données ». La communauté de pratique sur la transformation numérique y relaie ses résumés et ses ressources publics.",
	visibility:   maillage.VisibilityPublic,
	community:    publicCommunityName,
	creator:      "Olivier Nguyen",
	contributors: []string{"Amina Benali"},
	categories:   []string{catRelayedTools, catRelayedSummaries},
}

// The lexicon of the community of practice, public.
var lexiconNotebook = notebookSpec{
	title: lexiconTitle,
	description: "Les mots que nous employons dans la communauté de pratique, définis simplement. " +
		"Chaque terme a une définition courte et des liens vers les ressources qui le prolongent.",
	visibility:   maillage.VisibilityPublic,
	community:    cdpName,
	creator:      "Amina Benali",
	managers:     []string{demoFirst + " " + demoLast},
	contributors: []string{"Léa Chen", "Sophie Lavoie", "Isabelle Pelletier"},
	categories:   []string{catNumeric, catPractice, catESS, catPlatform},
}

// createNotebook creates a notebook with its roles and categories.
func (l *loader) createNotebook(ctx context.Context, sum *Summary, spec notebookSpec) (*maillage.Notebook, error) {
	v, err := l.viewer(ctx, l.users[spec.creator])
	if err != nil {
		return nil, err
	}
	nb, err := l.s.CreateNotebook(ctx, v, maillage.NotebookInput{Title: spec.title, Description: spec.description,
		Guide: spec.guide, Visibility: string(spec.visibility), CommunityID: l.communityIDs[spec.community]})
	if err != nil {
		return nil, fmt.Errorf("notebook %s: %w", spec.title, err)
	}
	for _, name := range spec.managers {
		inv, err := l.s.AddNotebookMember(ctx, v, nb.ID, l.users[name], maillage.NotebookManager)
		if err := l.consent(ctx, inv, err); err != nil {
			return nil, fmt.Errorf("notebook %s, manager %s: %w", spec.title, name, err)
		}
	}
	for _, name := range spec.contributors {
		inv, err := l.s.AddNotebookMember(ctx, v, nb.ID, l.users[name], maillage.NotebookContributor)
		if err := l.consent(ctx, inv, err); err != nil {
			return nil, fmt.Errorf("notebook %s, contributor %s: %w", spec.title, name, err)
		}
	}
	for _, c := range spec.categories {
		if _, err := l.s.CreateNotebookCategory(ctx, v, nb.ID, c); err != nil {
			return nil, fmt.Errorf("notebook %s, category %s: %w", spec.title, c, err)
		}
	}
	sum.Notebooks++
	return nb, nil
}

// file puts a note in a notebook: the note's first author does it when
// they have a role in the notebook, the note-taker otherwise.
func (l *loader) file(ctx context.Context, spec notebookSpec, notebookID string, n noteSpec, category string) error {
	by := "Amina Benali"
	if a := n.authors[0]; a == spec.creator || slices.Contains(spec.managers, a) || slices.Contains(spec.contributors, a) {
		by = a
	}
	v, err := l.viewer(ctx, l.users[by])
	if err != nil {
		return err
	}
	if _, err := l.s.AddNoteToNotebook(ctx, v, notebookID, l.notes[n.title], category); err != nil {
		return fmt.Errorf("note %q into %s: %w", n.title, spec.title, err)
	}
	return nil
}

// knowledge writes the notes of the community of practice and files them:
// the lexicon, the cards about actors, then meeting after meeting its
// minutes, summary and resources, the public ones relayed at once into
// the thematic community's notebook. A knowledge base gathers the three
// notebooks.
func (l *loader) knowledge(ctx context.Context, sum *Summary) error {
	// The note-taker relays into the thematic community: she joins it
	// first, if chance has not already made her a member.
	if err := l.ensureMember(ctx, sum, publicCommunityName, "Amina Benali"); err != nil {
		return err
	}
	lex, err := l.createNotebook(ctx, sum, lexiconNotebook)
	if err != nil {
		return err
	}
	cdp, err := l.createNotebook(ctx, sum, cdpNotebook)
	if err != nil {
		return err
	}
	pub, err := l.createNotebook(ctx, sum, communityNotebook)
	if err != nil {
		return err
	}
	for _, n := range lexicon {
		if _, err := l.createNote(ctx, sum, n); err != nil {
			return err
		}
		if err := l.file(ctx, lexiconNotebook, lex.ID, n, n.category); err != nil {
			return err
		}
	}
	for _, n := range actorNotes {
		if _, err := l.createNote(ctx, sum, n); err != nil {
			return err
		}
		if err := l.file(ctx, cdpNotebook, cdp.ID, n, catActors); err != nil {
			return err
		}
	}
	for _, m := range meetings {
		if err := l.meeting(ctx, sum, m, cdp.ID, pub.ID); err != nil {
			return err
		}
	}
	for _, e := range noteEdits {
		if err := l.editNote(ctx, e.note, e.by, e.addition); err != nil {
			return err
		}
	}
	// The mandate stays on top of the notebook.
	camille, err := l.viewer(ctx, l.users[cdpNotebook.creator])
	if err != nil {
		return err
	}
	if err := l.s.PinNotebookNote(ctx, camille, cdp.ID, l.notes[mandateTitle], true); err != nil {
		return fmt.Errorf("pin the mandate: %w", err)
	}
	return l.knowledgeBase(ctx, sum, camille, lex.ID, cdp.ID, pub.ID)
}

// meeting writes one meeting's notes into the notebook of the community
// of practice and relays its public ones into the thematic community.
func (l *loader) meeting(ctx context.Context, sum *Summary, m meeting, cdpID, pubID string) error {
	for _, step := range []struct {
		notes    []noteSpec
		category string
	}{{[]noteSpec{m.minute}, catMinutes}, {[]noteSpec{m.summary}, catSummaries}, {m.resources, catResources}} {
		for _, n := range step.notes {
			if _, err := l.createNote(ctx, sum, n); err != nil {
				return err
			}
			if err := l.file(ctx, cdpNotebook, cdpID, n, step.category); err != nil {
				return err
			}
		}
	}
	for _, step := range []struct {
		notes    []noteSpec
		category string
	}{{m.resources, catRelayedTools}, {[]noteSpec{m.summary}, catRelayedSummaries}} {
		for _, n := range step.notes {
			if err := l.file(ctx, communityNotebook, pubID, n, step.category); err != nil {
				return err
			}
		}
	}
	return nil
}

// knowledgeBase gathers the three notebooks of the community of practice.
func (l *loader) knowledgeBase(ctx context.Context, sum *Summary, v maillage.Viewer, notebookIDs ...string) error {
	kb, err := l.s.CreateKnowledgeBase(ctx, v, maillage.NotebookInput{
		Title: knowledgeBaseTitle,
		Description: "Ce que la communauté de pratique sur la transformation numérique des organismes communautaires a appris de 2025 à 2026 : " +
			"ses rencontres, son lexique et les ressources relayées dans « Numériques et données ». " +
			"Les comptes rendus détaillés restent réservés à leurs auteur·rices; tout le reste est public.",
		Visibility: string(maillage.VisibilityPublic), CommunityID: l.communityIDs[cdpName],
	})
	if err != nil {
		return fmt.Errorf("knowledge base: %w", err)
	}
	inv, err := l.s.AddKnowledgeBaseMember(ctx, v, kb.ID, l.users["Amina Benali"], maillage.NotebookContributor)
	if err := l.consent(ctx, inv, err); err != nil {
		return fmt.Errorf("knowledge base contributor: %w", err)
	}
	for _, id := range notebookIDs {
		if _, err := l.s.AddNotebookToKnowledgeBase(ctx, v, kb.ID, id); err != nil {
			return fmt.Errorf("knowledge base notebook: %w", err)
		}
	}
	sum.KnowledgeBases++
	return nil
}

// ensureMember makes a demo person a member of a public community,
// unless they already are.
func (l *loader) ensureMember(ctx context.Context, sum *Summary, community, name string) error {
	v, err := l.viewer(ctx, l.users[name])
	if err != nil {
		return err
	}
	id := l.communityIDs[community]
	if v.IsMember(id) {
		return nil
	}
	if err := l.s.Join(ctx, v, id); err != nil {
		return fmt.Errorf("%s joins %s: %w", name, community, err)
	}
	sum.Memberships++
	return nil
}
