package demo

import (
	"context"
	"fmt"

	"github.com/maillage/maillage/internal/service"
)

// conversationSpec is a private conversation: the starter writes the
// first message to the others; then each message is posted in turn.
type conversationSpec struct {
	starter  string
	others   []string
	subject  string
	messages []messageSpec
}

type messageSpec struct {
	author string
	body   string
}

// conversations involve the demo person: one between two people, and one
// group she started by picking people from the community's member list.
var conversations = []conversationSpec{
	{
		starter: "Nadia Diallo", others: []string{demoFirst + " " + demoLast},
		subject: "Préparer la rencontre de bilan",
		messages: []messageSpec{
			{"Nadia Diallo", "Salut Camille! As-tu une demi-heure cette semaine pour préparer la rencontre du 9 décembre? " +
				"Je pense qu’il faudrait proposer deux ou trois scénarios concrets plutôt qu’une question ouverte."},
			{demoFirst + " " + demoLast, "Bonne idée. Jeudi à 10 h? Je prépare un tableau des scénarios avec ce que chacun demande aux membres en temps et en argent."},
			{"Nadia Diallo", "Jeudi 10 h, parfait. J’apporte les chiffres de participation : 14 personnes en moyenne par rencontre, et 5 ou 6 qui publient ou commentent."},
			{demoFirst + " " + demoLast, "C’est ce qu’on observe partout, et c’est déjà beaucoup. À jeudi!"},
		},
	},
	{
		starter: demoFirst + " " + demoLast, others: []string{"Isabelle Pelletier", "Philippe Bélanger", "Amina Benali"},
		subject: "Héritage de la CdP : faire connaître les carnets",
		messages: []messageSpec{
			{demoFirst + " " + demoLast, "Bonjour à vous trois,\n\n" +
				"Je vous écris ensemble parce que vous êtes les personnes les mieux placées pour faire circuler ce que la communauté laisse derrière elle : " +
				"Amina a réuni les trois carnets dans la base de connaissances « Savoirs de la CdP numérique ». " +
				"Comment pourrions-nous la faire connaître au-delà de « Numériques et données »?"},
			{"Isabelle Pelletier", "La chaire peut citer les résumés dans l’article que nous préparons sur l’appropriation du numérique : ils sont sous CC BY, c’est idéal. " +
				"Je peux aussi les présenter à notre colloque de mars."},
			{"Philippe Bélanger", "La fondation aimerait en parler dans son infolettre de janvier, et joindre le gabarit de budget à notre prochain appel de projets."},
			{"Amina Benali", "Je vérifie d’ici là que chaque résumé a bien ses étiquettes et ses liens vers le lexique, pour qu’on les trouve par thème."},
			{demoFirst + " " + demoLast, "Merci! Je mets ces trois pistes au point 2 de la rencontre du 9 décembre."},
		},
	},
}

// messages starts the conversations and posts their messages.
func (l *loader) messages(ctx context.Context, sum *Summary) error {
	for _, c := range conversations {
		v, err := l.viewer(ctx, l.users[c.starter])
		if err != nil {
			return err
		}
		conv, err := l.s.StartConversation(ctx, v, service.ConversationInput{
			ParticipantIDs: l.userIDs(c.others), Subject: c.subject, Body: c.messages[0].body})
		if err != nil {
			return fmt.Errorf("conversation %q: %w", c.subject, err)
		}
		sum.Conversations++
		sum.Messages++
		for _, m := range c.messages[1:] {
			mv, err := l.viewer(ctx, l.users[m.author])
			if err != nil {
				return err
			}
			if _, err := l.s.PostMessage(ctx, mv, conv.ID, m.body); err != nil {
				return fmt.Errorf("conversation %q, message of %s: %w", c.subject, m.author, err)
			}
			sum.Messages++
		}
	}
	return nil
}

// checkConversations verifies the conversations name known people and
// that every message comes from a participant.
func checkConversations(names map[string]bool) []error {
	var errs []error
	for _, c := range conversations {
		all := append([]string{c.starter}, c.others...)
		for _, n := range all {
			if !names[n] {
				errs = append(errs, fmt.Errorf("conversation %q: unknown person %q", c.subject, n))
			}
		}
		if len(c.messages) == 0 || c.messages[0].author != c.starter {
			errs = append(errs, fmt.Errorf("conversation %q: the starter writes first", c.subject))
		}
		for _, m := range c.messages {
			found := false
			for _, n := range all {
				found = found || n == m.author
			}
			if !found {
				errs = append(errs, fmt.Errorf("conversation %q: %q is not a participant", c.subject, m.author))
			}
		}
	}
	return errs
}
