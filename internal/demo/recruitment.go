package demo

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/maillage"
)

// The recruitment of the community of practice, as its facilitator kept
// it before the first meeting: about twenty people and organisations
// found by searching, by asking around and from her address book, each
// with where things stand and what the calls taught her. Most
// practitioners accepted; a funder and a researcher came too; some were
// too busy, others never answered. Only the community's managers see it.

// candidateSpec is one entry of the shortlist: a demo person (person), an
// organisation of the directory (org), or someone not on Maillage (name
// and email).
type candidateSpec struct {
	person, org, name, email string
	status                   maillage.CandidateStatus
	source                   maillage.CandidateSource
	detail                   string
	labels                   []string
	// notes are entries of the log, oldest first; by is who wrote them
	// ("" for the demo person).
	notes []string
	by    string
}

const (
	labelPractice = "Praticien·ne"
	labelGroup    = "Organisme communautaire"
	labelFunder   = "Bailleur de fonds"
	labelResearch = "Recherche"
	labelSpeaker  = "Conférence possible"
)

var shortlist = []candidateSpec{
	{person: "Sophie Lavoie", status: maillage.CandidateAccepted, source: maillage.SourceSearch,
		detail: "annuaire de Maillage, étiquette « logiciels libres »", labels: []string{labelPractice},
		notes: []string{"Courriel envoyé le 14 août avec la description de la communauté.",
			"Appelée le 20 août : partante, propose de présenter l’hébergement coopératif à une rencontre."}},
	{person: "Karim Haddad", status: maillage.CandidateAccepted, source: maillage.SourceNomination,
		detail: "nommé par Sophie Lavoie", labels: []string{labelPractice},
		notes: []string{"Accepte; disponible surtout en fin de journée."}},
	{person: "Noé Petit", status: maillage.CandidateAccepted, source: maillage.SourceNomination,
		detail: "nommé·e par Nadia Diallo", labels: []string{labelPractice},
		notes: []string{"Appel le 22 août : veut parler cybersécurité des petites équipes."}, by: "Nadia Diallo"},
	{person: "Marie-Ève Gagnon", status: maillage.CandidateAccepted, source: maillage.SourceSearch,
		detail: "organisations de la Capitale-Nationale", labels: []string{labelPractice},
		notes: []string{"Accepte et propose d’inviter Samuel Joseph, de son équipe."}},
	{person: "Samuel Joseph", status: maillage.CandidateAccepted, source: maillage.SourceNomination,
		detail: "nommé par Marie-Ève Gagnon", labels: []string{labelPractice}},
	{person: "Geneviève Côté", status: maillage.CandidateAccepted, source: maillage.SourceSuggestion,
		detail: "proche dans le réseau de l’Atelier numérique de l’Estrie", labels: []string{labelPractice},
		notes: []string{"Réponse par courriel le 19 août : oui, avec plaisir."}},
	{person: "Yasmine Belkacem", status: maillage.CandidateAccepted, source: maillage.SourceNomination,
		detail: "nommée par Noé Petit", labels: []string{labelPractice}},
	{person: "Léa Chen", status: maillage.CandidateAccepted, source: maillage.SourceSearch,
		detail: "publications sur les données ouvertes", labels: []string{labelPractice, labelSpeaker},
		notes: []string{"Appelée le 21 août : intéressée par le volet données ouvertes."}},
	{person: "Roseline Pierre-Louis", status: maillage.CandidateAccepted, source: maillage.SourceFree,
		detail: "carnet d’adresses", labels: []string{labelGroup}},
	{person: "Josée Lapointe", status: maillage.CandidateAccepted, source: maillage.SourceFree,
		detail: "carnet d’adresses", labels: []string{labelGroup},
		notes: []string{"Hésitait (manque de temps), rassurée par le rythme aux deux mois."}},
	{person: "Omar El Amrani", status: maillage.CandidateAccepted, source: maillage.SourceNomination,
		detail: "nommé par Josée Lapointe", labels: []string{labelGroup}},
	{person: "Noémie Awashish", status: maillage.CandidateAccepted, source: maillage.SourceSuggestion,
		detail: "suggestion de Maillage : relations communes", labels: []string{labelGroup},
		notes: []string{"Appel le 26 août : accepte, souhaite que les résumés restent publics."}},
	{person: "Philippe Bélanger", status: maillage.CandidateAccepted, source: maillage.SourceFree,
		detail: "bailleur du projet", labels: []string{labelFunder},
		notes: []string{"Participera comme observateur; ne veut pas « diriger » les échanges."}},
	{person: "Isabelle Pelletier", status: maillage.CandidateAccepted, source: maillage.SourceSearch,
		detail: "publications sur le numérique communautaire", labels: []string{labelResearch},
		notes: []string{"Accepte; pourrait documenter la communauté dans un projet de recherche partenariale."}},
	{person: "Hugo Lavallée", status: maillage.CandidateInvited, source: maillage.SourceNomination,
		detail: "nommé par Philippe Bélanger", labels: []string{labelPractice},
		notes: []string{"Invité dans Maillage le 2 septembre.", "Relancé par téléphone le 9 septembre : va y réfléchir."}},
	{person: "Thomas Ouellet", status: maillage.CandidateContacted, source: maillage.SourceFree,
		detail: "a demandé à se joindre", labels: []string{labelPractice},
		notes: []string{"Demande reçue; à accepter après la première rencontre, une fois le fonctionnement rodé."}},
	{person: "Martin Lemieux", status: maillage.CandidateDeclined, source: maillage.SourceSearch,
		detail: "bailleurs de fonds de la Mauricie", labels: []string{labelFunder},
		notes: []string{"Appelé le 27 août : intéressé mais pas disponible cet automne.", "Souhaite recevoir les résumés publics."}},
	{org: "racines", status: maillage.CandidateContacted, source: maillage.SourceSearch,
		detail: "fondations qui financent le numérique", labels: []string{labelFunder},
		notes: []string{"Message laissé à la chargée de programmes le 28 août."}},
	{org: "outaouais-num", status: maillage.CandidateNoAnswer, source: maillage.SourceSuggestion,
		detail: "nommé par Priya Raman", labels: []string{labelPractice},
		notes: []string{"Courriel au service le 15 août, relance le 29 août : pas de réponse."}},
	{name: "Mireille Ouimet", email: "mireille.ouimet@exemple.org", status: maillage.CandidateIdentified,
		source: maillage.SourceNomination, detail: "nommée par Camille Tremblay-Roy et Noé Petit", labels: []string{labelSpeaker},
		notes: []string{"Pionnière de l’accès communautaire à Internet; l’inviter plutôt comme conférencière à la rencontre 2?"}},
	{name: "Gilles Arsenault", email: "gilles.arsenault@exemple.org", status: maillage.CandidateNoAnswer,
		source: maillage.SourceFree, detail: "carnet d’adresses", labels: []string{labelGroup},
		notes: []string{"Courriel envoyé le 14 août avec la description.", "Relance le 28 août, toujours sans réponse."}},
	{name: "Valérie Thériault", email: "valerie.theriault@exemple.org", status: maillage.CandidateDeclined,
		source: maillage.SourceNomination, detail: "nommée par Geneviève Côté", labels: []string{labelGroup},
		notes: []string{"Déclinée par courriel le 23 août : son organisme se retire du numérique cette année."}},
}

// recruitment fills the community of practice's shortlist.
func (l *loader) recruitment(ctx context.Context, sum *Summary) error {
	communityID := l.communityIDs[cdpName]
	demo, err := l.viewer(ctx, l.users[DemoName])
	if err != nil {
		return err
	}
	for _, c := range shortlist {
		in := maillage.CandidateInput{UserID: l.users[c.person], OrganizationID: l.orgs[c.org], Name: c.name, Email: c.email,
			Status: string(c.status), Source: string(c.source), SourceDetail: c.detail, Labels: c.labels}
		if c.person != "" && in.UserID == "" || c.org != "" && in.OrganizationID == "" {
			return fmt.Errorf("shortlist: unknown %s%s", c.person, c.org)
		}
		cand, err := l.s.AddCandidate(ctx, demo, communityID, in)
		if err != nil {
			return fmt.Errorf("shortlist, %s%s%s: %w", c.person, c.org, c.name, err)
		}
		by := demo
		if c.by != "" {
			if by, err = l.viewer(ctx, l.users[c.by]); err != nil {
				return err
			}
		}
		for _, n := range c.notes {
			if _, err := l.s.UpdateCandidate(ctx, by, communityID, cand.ID, maillage.CandidateUpdate{Note: n}); err != nil {
				return fmt.Errorf("shortlist, note on %s: %w", cand.Name, err)
			}
		}
		sum.Candidates++
	}
	return nil
}
