package demo

import "github.com/maillage/maillage/internal/maillage"

// community is one demo community. People are named by their full name.
type community struct {
	name        string
	description string
	visibility  maillage.Visibility
	listed      bool
	region      string
	tags        []string
	creator     string
	// managers are added as managers by the creator.
	managers []string
	// members are added by the creator (private communities).
	members []string
	// requests are pending requests to join (private communities).
	requests []joinRequest
	// invitations are people the creator invited who have not answered.
	invitations []string
	// demoJoins says whether the demo person joins this public community.
	// Other people join a public community when their interests meet its
	// tags (most of them) or, rarely, out of curiosity.
	demoJoins bool
}

type joinRequest struct {
	person  string
	message string
}

// Community names the tests and the rest of the package refer to.
const (
	cdpName    = "CdP — Transformation numérique des organismes communautaires"
	comiteName = "Comité de pilotage — Relais savoirs"
)

var communities = []community{
	{
		name: "Numériques et données",
		description: "Communauté thématique publique sur le numérique au service de l’économie sociale et de l’action communautaire : " +
			"transformation numérique des organisations, données ouvertes, logiciels libres et littératie numérique.\n\n" +
			"On y partage des ressources, des outils, des retours d’expérience et les résumés publics des communautés de pratique liées au numérique.",
		visibility: maillage.VisibilityPublic,
		tags:       []string{tagNumerique, tagDonnees, tagLibres, tagLitteratie},
		creator:    "Olivier Nguyen",
		demoJoins:  true,
	},
	{
		name: "Transition socio-écologique",
		description: "Communauté thématique publique pour celles et ceux qui portent la transition socio-écologique dans leur milieu : " +
			"économie circulaire, mobilité durable, agriculture urbaine, communs.\n\n" +
			"Partagez vos projets, vos cartes d’actrices et d’acteurs et vos questions.",
		visibility: maillage.VisibilityPublic,
		tags:       []string{tagTransition, tagCirculaire, tagMobilite, tagAgriUrb},
		creator:    "Émilie Rivard",
		demoJoins:  true,
	},
	{
		name: "Sécurité alimentaire",
		description: "Communauté thématique publique sur le droit à l’alimentation : cuisines collectives, épiceries solidaires, " +
			"agriculture de proximité et lutte contre le gaspillage.\n\n" +
			"Un lieu pour échanger des pratiques entre organismes de toutes les régions.",
		visibility: maillage.VisibilityPublic,
		tags:       []string{tagAlim, tagAgriUrb, tagSante},
		creator:    "Fatou Ndiaye",
	},
	{
		name: "Habitation communautaire",
		description: "Communauté thématique publique des coopératives et des OBNL d’habitation, des groupes de ressources techniques et des comités logement. " +
			"Née en Estrie, elle est ouverte à tout le Québec.\n\n" +
			"Gestion démocratique, développement de projets, soutien communautaire en logement : posez vos questions, partagez vos outils.",
		visibility: maillage.VisibilityPublic,
		region:     "05",
		tags:       []string{tagHabitat, tagGouv},
		creator:    "Luc Gendron",
	},
	{
		name: cdpName,
		description: "Communauté de pratique des personnes qui accompagnent les organismes communautaires dans leur transformation numérique.\n\n" +
			"Mandat : échanger sur nos pratiques d’accompagnement, documenter ce qui fonctionne et ce qui ne fonctionne pas, " +
			"et rendre publics les apprentissages utiles au milieu.\n\n" +
			"Rencontres virtuelles de deux heures tous les deux mois. Un carnet par rencontre : compte rendu détaillé (privé), " +
			"résumé et ressources (publics, relayés dans la communauté « Numériques et données »).",
		visibility: maillage.VisibilityPrivate,
		listed:     true,
		tags:       []string{tagNumerique, tagLitteratie, tagInclusion, tagMobConn},
		creator:    demoFirst + " " + demoLast,
		managers:   []string{"Nadia Diallo"},
		members: []string{
			// The note-taker.
			"Amina Benali",
			// Practitioners who support community groups with technology.
			"Sophie Lavoie", "Karim Haddad", "Noé Petit", "Marie-Ève Gagnon", "Samuel Joseph",
			"Geneviève Côté", "Mathis Leblanc", "Étienne Fortin", "Yasmine Belkacem", "Léa Chen",
			// Community groups.
			"Roseline Pierre-Louis", "Josée Lapointe", "Omar El Amrani", "Noémie Awashish", "Carole Mercier",
			// A funder and a researcher.
			"Philippe Bélanger", "Isabelle Pelletier",
		},
		requests: []joinRequest{
			{"Thomas Ouellet", "Bonjour! J’anime des ateliers de littératie numérique pour les personnes aînées en Estrie. " +
				"J’aimerais beaucoup participer aux échanges de la communauté."},
			{"Priya Raman", "Bonjour, je publie les données ouvertes des municipalités de l’Outaouais et je travaille avec plusieurs organismes communautaires. " +
				"Est-ce que je pourrais me joindre à vous?"},
		},
		invitations: []string{"Hugo Lavallée"},
	},
	{
		name:        comiteName,
		description: "Espace de travail du comité de pilotage de Relais savoirs : orientations annuelles, suivi des communautés de pratique et bilan des projets.",
		visibility:  maillage.VisibilityPrivate,
		listed:      false,
		tags:        []string{tagMobConn, tagGouv},
		creator:     "Jean-François Bouchard",
		members:     []string{demoFirst + " " + demoLast, "Olivier Nguyen", "Hélène Lévesque", "Isabelle Pelletier"},
	},
}
