package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync"

	"github.com/maillage/maillage/internal/fold"
	"github.com/maillage/maillage/internal/maillage"
)

// generatedCount is how many members are generated to give the public
// thematic community « Numériques et données » its real size: a few
// hundred people who read, rarely write, and whom a facilitator cannot
// tell apart without help.
const generatedCount = 260

// The generated members have their own random stream, so the rest of the
// dataset does not change with their number.
const membersSeed1, membersSeed2 = 2026, 260

// generatedPerson is one generated member: a members-only profile with a
// region, a language, a few interests and an email preference.
type generatedPerson struct {
	first, last string
	email       string
	region      string
	lang        string
	interests   []string
	// mode is the email preference chosen ("" keeps the default).
	mode maillage.NotifyMode
}

func (p generatedPerson) name() string { return p.first + " " + p.last }

// Québec first names and family names, old and new, French and not.
var (
	genFirst = []string{
		"Gabrielle", "Félix", "Léa", "William", "Olivia", "Thomas", "Florence", "Logan", "Charlotte", "Jacob",
		"Alice", "Nathan", "Rosalie", "Samuel", "Juliette", "Raphaël", "Mia", "Antoine", "Béatrice", "Édouard",
		"Maëlle", "Xavier", "Anaïs", "Olivier", "Laurianne", "Louis", "Clara", "Émile", "Sarah", "Justin",
		"Mélodie", "Jérémie", "Catherine", "Simon", "Véronique", "François", "Chloé", "Benoît", "Annie", "Sylvain",
		"Nathalie", "Mireille", "Denis", "Lucie", "Martine", "Réal", "Ginette", "Yves", "Francine", "Michel",
		"Mamadou", "Fatima", "Youssef", "Yasmina", "Wei", "Minh", "Kateri", "Shanice", "Diego", "Ana María",
		"Tenzin", "Aylin", "Karima", "Jean-Philippe", "Marie-Claude", "Marc-Antoine", "Anne-Sophie", "Pier-Luc", "Ève", "Noah",
		"Zacharie", "Élodie", "Maxime", "Kim", "Alex", "Sacha", "Andréanne", "Rémi", "Ophélie", "Issa",
	}
	genLast = []string{
		"Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné",
		"Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette", "Girard", "Simard", "Boucher",
		"Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin",
		"Thibault", "St-Pierre", "Nadeau", "Martin", "Landry", "Martel", "Bédard", "Grenier", "Lessard", "Bernier",
		"Richard", "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte", "Lachance", "Parent", "Blais", "Gosselin",
		"Savard", "Proulx", "Beaudoin", "Demers", "Perron", "Charbonneau", "Gingras", "Nguyen", "Tran", "Jean-Baptiste",
		"Diallo", "Traoré", "Haddad", "Khoury", "Mukendi", "Bacon", "Picard", "Vollant", "Rodriguez", "Garcia",
		"Chen", "Wong", "Singh", "Petit-Homme", "Benoit", "Saint-Louis", "Ahmed", "Bouchard-Diaz", "Kanapé", "Ménard",
	}
	// genRegions repeats region codes by weight: most members live where
	// most organisations are.
	genRegions = []string{
		"06", "06", "06", "06", "06", "06", "06", "06", "03", "03", "03", "16", "16", "16", "13", "15", "15",
		"14", "05", "05", "07", "07", "04", "02", "12", "01", "17", "08", "09", "11", "10", "",
	}
	// genThemes are the community's own themes: everyone has one...
	genThemes = []string{tagNumerique, tagDonnees, tagLibres, tagLitteratie}
	// ...and, for some, neighbouring interests.
	genOthers = []string{tagInclusion, tagCyber, tagESS, tagEducPop, tagMobConn, tagRecherche, tagAines, tagJeunesse,
		tagImmig, tagDevLocal, tagGouv, tagAlim, tagCulture, tagTransition}
	genModes = []maillage.NotifyMode{"", "", maillage.NotifyWeekly, maillage.NotifyWeekly, maillage.NotifyWeekly,
		maillage.NotifyWeekly, maillage.NotifyDaily, maillage.NotifyDaily, maillage.NotifyNone}
)

// generatedPeople returns the generated members, the same on every call.
// Names already used by a demo person, or by an earlier generated member,
// are drawn again.
func generatedPeople() []generatedPerson {
	rng := rand.New(rand.NewPCG(membersSeed1, membersSeed2))
	taken := map[string]bool{}
	for _, p := range people {
		taken[p.name()] = true
	}
	out := make([]generatedPerson, 0, generatedCount)
	for len(out) < generatedCount {
		p := generatedPerson{first: genFirst[rng.IntN(len(genFirst))], last: genLast[rng.IntN(len(genLast))]}
		if taken[p.name()] {
			continue
		}
		taken[p.name()] = true
		p.email = fold.Slug(p.first) + "." + fold.Slug(p.last) + "." + strconv.Itoa(len(out)+1) + "@exemple.org"
		p.region = genRegions[rng.IntN(len(genRegions))]
		p.lang = "fr-CA"
		if rng.IntN(12) == 0 {
			p.lang = "en"
		}
		p.interests = []string{genThemes[rng.IntN(len(genThemes))]}
		for range rng.IntN(3) {
			if t := genOthers[rng.IntN(len(genOthers))]; t != p.interests[len(p.interests)-1] {
				p.interests = append(p.interests, t)
			}
		}
		p.mode = genModes[rng.IntN(len(genModes))]
		out = append(out, p)
	}
	return out
}

// memberWorkers is how many accounts are created at once. Password
// hashing is nearly all of the cost of an account, and the server's hasher
// runs two hashes at a time: more workers would only wait their turn.
const memberWorkers = 2

// members creates the generated accounts; each person joins « Numériques
// et données » and sets their email preference, as they would after
// signing up. Accounts are created by a few workers at once; every
// person's data is fixed in advance, so the order does not matter.
func (l *loader) members(ctx context.Context, sum *Summary) error {
	communityID := l.communityIDs[publicCommunityName]
	gen := generatedPeople()
	l.generated = make([]string, len(gen))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	errs := make([]error, memberWorkers)
	var wg sync.WaitGroup
	for w := range memberWorkers {
		wg.Go(func() {
			for i := range next {
				id, err := l.member(ctx, communityID, gen[i])
				if err != nil {
					errs[w] = err
					cancel()
					return
				}
				l.generated[i] = id
			}
		})
	}
feed:
	for i := range gen {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("members: %w", err)
	}
	sum.Accounts += len(gen)
	sum.People += len(gen)
	sum.Memberships += len(gen)
	return nil
}

// member creates one generated account, joins the community and sets the
// email preference. It returns the new account's ID.
func (l *loader) member(ctx context.Context, communityID string, p generatedPerson) (string, error) {
	u, err := l.s.CreateUser(ctx, maillage.SignUpInput{Email: p.email, Name: p.name(), Password: DemoPassword,
		Region: p.region, Language: p.lang, Interests: p.interests}, false)
	if err != nil {
		return "", fmt.Errorf("member %s: %w", p.name(), err)
	}
	v, err := l.viewer(ctx, u.ID)
	if err != nil {
		return "", err
	}
	if err := l.s.Join(ctx, v, communityID); err != nil {
		return "", fmt.Errorf("member %s joins: %w", p.name(), err)
	}
	if p.mode != "" {
		if err := l.s.SetNotificationPreferences(ctx, v, maillage.NotificationPreferences{Default: p.mode}); err != nil {
			return "", fmt.Errorf("member %s, email preference: %w", p.name(), err)
		}
	}
	return u.ID, nil
}
