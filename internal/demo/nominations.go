package demo

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/service"
)

// nominations is step 4 of the story: before inviting anyone, the demo
// person asks four colleagues to name who matters on the digital
// transformation of community organisations. Two answered; the results
// wait for her on /nominations.
func (l *loader) nominations(ctx context.Context, _ *Summary) error {
	v, err := l.viewer(ctx, l.users[DemoName])
	if err != nil {
		return err
	}
	asked := []string{"Jean-François Bouchard", "Sophie Lavoie", "Léa Chen", "Marie-Ève Gagnon"}
	r, err := l.s.CreateNominationRequest(ctx, v, service.NominationRequestInput{
		Tag: tagNumerique,
		Question: "Nommez jusqu’à 5 personnes ou organisations qui comptent sur le thème « " + tagNumerique + " » : " +
			"qui devrait faire partie de notre communauté de pratique ?",
		RespondentIDs: l.userIDs(asked),
	})
	if err != nil {
		return fmt.Errorf("nomination request: %w", err)
	}
	answers := []struct {
		by       string
		nominees []service.NomineeInput
	}{
		{"Jean-François Bouchard", []service.NomineeInput{
			{OrganizationID: l.orgs["connexions"], Reason: "Elle fait des diagnostics numériques dans des dizaines d’organismes chaque année."},
			{UserID: l.users["Olivier Nguyen"], Reason: "Il connaît les données ouvertes du milieu communautaire mieux que personne."},
			{Name: "Francine Thibodeau", Reason: "Directrice d’un centre d’action bénévole qui a tout migré vers des outils libres."},
		}},
		{"Sophie Lavoie", []service.NomineeInput{
			{Name: "Francine Thibodeau", Reason: "Son témoignage sur la migration de son centre a marqué notre dernier colloque."},
			{OrganizationID: l.orgs["roin"], Reason: "Le réseau rassemble les organismes d’inclusion numérique de toute la province."},
			{UserID: l.users["Olivier Nguyen"]},
			{UserID: l.users["Noé Petit"], Reason: "Iel forme les équipes à la cybersécurité sans jargon."},
		}},
	}
	for _, a := range answers {
		av, err := l.viewer(ctx, l.users[a.by])
		if err != nil {
			return err
		}
		if err := l.s.AnswerNomination(ctx, av, r.ID, a.nominees); err != nil {
			return fmt.Errorf("nomination answer of %s: %w", a.by, err)
		}
	}
	return nil
}
