package demo

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// actorCard is a card about a person or an organisation that is not on
// Maillage, kept by a member of the community of practice. note names the
// person note (actors.go) attached to it, if any. The people and
// organisations are fictional.
type actorCard struct {
	by   string // the member who made it
	in   maillage.ActorInput
	note string
}

// actorCards are a dozen cards on the story's theme: the people and
// organisations who matter to the digital transformation of community
// organisations in Québec, most of them not (yet) members.
var actorCards = []actorCard{
	{by: "Camille Tremblay-Roy", note: "Mireille Ouimet", in: maillage.ActorInput{Name: "Mireille Ouimet", Kind: "person",
		Title: "Animatrice communautaire (retraitée)", Description: "Pionnière de l’accès communautaire à Internet au Québec.",
		Region: "06", Visibility: "public", Tags: []string{tagInclusion, tagLitteratie},
		Source: "Entrevue publiée dans le bulletin du Réseau des organismes pour l’inclusion numérique, 2024"}},
	{by: "Camille Tremblay-Roy", note: "Patrice Nolet", in: maillage.ActorInput{Name: "Patrice Nolet", Kind: "person",
		Title: "Chargé de programme, volet numérique", OrganizationName: "Fonds d’appui au virage numérique communautaire",
		Email: "patrice.nolet@fonds-virage.exemple.org", Region: "03", Visibility: "community", Tags: []string{tagFinance, tagNumerique},
		Source: "https://fonds-virage.exemple.org/equipe"}},
	{by: "Amina Benali", note: "Josiane Bastien", in: maillage.ActorInput{Name: "Josiane Bastien", Kind: "person",
		Title: "Bibliothécaire, médiation numérique", OrganizationName: "Réseau des bibliothèques de la Montérégie",
		Region: "16", Visibility: "public", Tags: []string{tagLitteratie, tagAines},
		Source: "https://biblio-monteregie.exemple.org/cafes-numeriques"}},
	{by: "Karim Haddad", note: "Hamza Ouali", in: maillage.ActorInput{Name: "Hamza Ouali", Kind: "person",
		Title: "Mainteneur bénévole du logiciel Adhérents", Website: "https://adherents.exemple.org",
		Region: "06", Visibility: "public", Tags: []string{tagLibres, tagESS}, Source: "https://adherents.exemple.org/a-propos"}},
	{by: "Sophie Lavoie", in: maillage.ActorInput{Name: "Réseau des organismes pour l’inclusion numérique", Kind: "organization",
		Description: "Regroupement québécois d’organismes qui offrent des lieux d’accès et des ateliers numériques.",
		Website:     "https://inclusion-numerique.exemple.org", Region: "06", Address: "Montréal", Latitude: "45.5019", Longitude: "-73.5674",
		Visibility: "public", Tags: []string{tagInclusion, tagNumerique}, Source: "https://inclusion-numerique.exemple.org"}},
	{by: "Sophie Lavoie", in: maillage.ActorInput{Name: "Fonds d’appui au virage numérique communautaire", Kind: "organization",
		Description: "Programme de subventions pour les projets numériques des organismes communautaires.",
		Website:     "https://fonds-virage.exemple.org", Region: "03", Address: "Québec", Latitude: "46.8139", Longitude: "-71.2080",
		Visibility: "public", Tags: []string{tagFinance, tagNumerique}, Source: "https://fonds-virage.exemple.org"}},
	{by: "Amina Benali", in: maillage.ActorInput{Name: "Laboratoire de recherche sur les communs numériques", Kind: "organization",
		Description: "Équipe universitaire qui étudie les données et les logiciels partagés par les organismes.",
		Website:     "https://communs-numeriques.exemple.org", Region: "06", Visibility: "public",
		Tags: []string{tagRecherche, tagDonnees}, Source: "https://communs-numeriques.exemple.org/equipe"}},
	{by: "Noé Petit", in: maillage.ActorInput{Name: "Valérie Simard", Kind: "person",
		Title: "Conseillère en cybersécurité", OrganizationName: "Carrefour cybersécurité OBNL", Region: "13", Visibility: "members",
		Tags: []string{tagCyber}, Source: "Conférence « La sécurité sans jargon », Forum du numérique communautaire 2025"}},
	{by: "Thomas Ouellet", in: maillage.ActorInput{Name: "Centre d’entraide numérique des aîné·es de l’Estrie", Kind: "organization",
		Description: "Organisme de Sherbrooke où des bénévoles accompagnent les personnes aînées dans leurs premiers pas en ligne.",
		Region:      "05", Address: "Sherbrooke", Latitude: "45.4042", Longitude: "-71.8929", Visibility: "public",
		Tags: []string{tagAines, tagLitteratie}, Source: "Répertoire régional des organismes communautaires de l’Estrie"}},
	{by: "Philippe Bélanger", in: maillage.ActorInput{Name: "Étienne Morin", Kind: "person",
		Title: "Coordonnateur de la table de concertation en développement social", Region: "02", Visibility: "community",
		Tags: []string{tagDevLocal, tagGouv}, Source: "Procès-verbal public de la table, mars 2025"}},
	{by: "Karim Haddad", in: maillage.ActorInput{Name: "Coop Logiciels communs", Kind: "organization",
		Description: "Coopérative de travail qui finance des heures de maintenance de logiciels libres utilisés par les OBNL.",
		Website:     "https://logiciels-communs.exemple.org", Region: "06", Visibility: "public",
		Tags: []string{tagLibres, tagESS}, Source: "https://logiciels-communs.exemple.org"}},
	{by: "Camille Tremblay-Roy", in: maillage.ActorInput{Name: "Lucie Gagnon", Kind: "person",
		Title: "Formatrice en littératie numérique", Region: "04", Visibility: "private",
		Tags: []string{tagLitteratie}, Source: "Rencontrée à la formation des formatrices, octobre 2025"}},
}

// actors creates the cards and attaches the community's person notes to
// the cards of the people they describe.
func (l *loader) actors(ctx context.Context, sum *Summary) error {
	cdp := l.communityIDs[cdpName]
	for _, c := range actorCards {
		v, err := l.viewer(ctx, l.users[c.by])
		if err != nil {
			return fmt.Errorf("card %s: %w", c.in.Name, err)
		}
		in := c.in
		if in.Visibility == string(maillage.ActorCommunity) {
			in.CommunityID = cdp
		}
		a, err := l.s.CreateActor(ctx, v, in)
		if err != nil {
			return fmt.Errorf("card %s: %w", c.in.Name, err)
		}
		sum.Actors++
		if c.note == "" {
			continue
		}
		if err := l.s.AttachNoteToActor(ctx, v, l.notes[c.note], a.ID); err != nil {
			return fmt.Errorf("card %s, note: %w", c.in.Name, err)
		}
	}
	return nil
}
