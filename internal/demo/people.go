package demo

import "github.com/maillage/maillage/internal/maillage"

// affiliation ties a demo person to an organisation (by key).
type affiliation struct {
	org   string
	role  string
	admin bool
}

// person is one fictional member. Names are invented; the email is built
// from the name at exemple.org.
type person struct {
	first, last string
	pronouns    string
	region      string
	public      bool
	contact     maillage.ContactPreference
	lang        string // "" is fr-CA
	// links says which profile links to add: w website, l LinkedIn, m Mastodon.
	links     string
	interests []string
	bio       string
	affs      []affiliation
}

const (
	byMessages = maillage.ContactMessages
	byEmail    = maillage.ContactEmail
	noContact  = maillage.ContactNone
)

// The demo person, facilitator at the knowledge-transfer organisation.
const demoFirst, demoLast = "Camille", "Tremblay-Roy"

// people lists the demo members. The demo person comes first; the order
// is the creation order and decides who creates each organisation (its
// first administrator in this list).
var people = []person{
	{
		first: demoFirst, last: demoLast, pronouns: "elle", region: "06", public: true, contact: byEmail, links: "lm",
		interests: []string{tagNumerique, tagLitteratie, tagMobConn, tagESS, tagTransition},
		bio: "Conseillère en transfert de connaissances chez Relais savoirs, j’anime des communautés de pratique en économie sociale. " +
			"Je m’intéresse à la transformation numérique des organismes communautaires et à la façon dont les savoirs d’expérience circulent.",
		affs: []affiliation{{"relais", "conseillère en transfert de connaissances, animatrice de communautés de pratique", false}},
	},

	// Relais savoirs.
	{
		first: "Jean-François", last: "Bouchard", pronouns: "il", region: "06", public: true, contact: byMessages, links: "l",
		interests: []string{tagESS, tagMobConn, tagRecherche, tagGouv},
		bio:       "Directeur général de Relais savoirs depuis 2019. Vingt ans de développement de l’économie sociale, d’abord en région puis à l’échelle du Québec.",
		affs:      []affiliation{{"relais", "directeur général", true}},
	},
	{
		first: "Amina", last: "Benali", pronouns: "elle", region: "06", contact: byMessages, links: "l",
		interests: []string{tagMobConn, tagNumerique, tagEducPop},
		bio:       "Conseillère en mobilisation des connaissances. Je prends les notes des rencontres, rédige les résumés publics et veille à ce que les ressources partagées trouvent leur public.",
		affs:      []affiliation{{"relais", "conseillère en mobilisation des connaissances", false}},
	},
	{
		first: "Olivier", last: "Nguyen", region: "06", contact: byEmail, links: "lm",
		interests: []string{tagDonnees, tagNumerique, tagMobConn, tagLibres},
		bio:       "Chargé de projet aux communautés thématiques de Relais savoirs. J’anime la communauté « Numériques et données » et je cartographie les actrices et acteurs du numérique social.",
		affs:      []affiliation{{"relais", "chargé de projet, communautés thématiques", false}},
	},

	// Digital transformation, data and free software.
	{
		first: "Sophie", last: "Lavoie", pronouns: "elle", region: "06", public: true, contact: byEmail, links: "wl",
		interests: []string{tagLibres, tagNumerique, tagESS, tagGouv},
		bio:       "Coordonnatrice de Code commun. J’accompagne des groupes communautaires qui veulent reprendre le contrôle de leurs outils numériques.",
		affs:      []affiliation{{"code-commun", "coordonnatrice", true}},
	},
	{
		first: "Karim", last: "Haddad", pronouns: "il", region: "06", contact: byMessages, links: "m",
		interests: []string{tagLibres, tagCyber, tagLitteratie},
		bio:       "Développeur et formateur. J’installe et je maintiens des outils libres pour des organismes, puis je forme les équipes pour qu’elles s’en servent sans moi.",
		affs:      []affiliation{{"code-commun", "développeur et formateur en logiciels libres", false}},
	},
	{
		first: "Noé", last: "Petit", pronouns: "iel", region: "06", public: true, contact: byMessages, links: "mw",
		interests: []string{tagCyber, tagLibres, tagInclusion},
		bio:       "Conseiller·ère en cybersécurité pour les OBNL. Je crois qu’une bonne politique de mots de passe vaut mieux qu’un gros budget.",
		affs: []affiliation{
			{"code-commun", "conseiller·ère en cybersécurité", false},
			{"cyber", "formateur·trice associé·e", false},
		},
	},
	{
		first: "Marie-Ève", last: "Gagnon", pronouns: "elle", region: "03", public: true, contact: byEmail, links: "l",
		interests: []string{tagNumerique, tagLitteratie, tagInclusion, tagESS},
		bio:       "Directrice générale de Connexions communautaires. Avant, j’ai coordonné un centre d’action bénévole pendant dix ans : je connais les contraintes des petites équipes.",
		affs:      []affiliation{{"connexions", "directrice générale", true}},
	},
	{
		first: "Samuel", last: "Joseph", region: "03", contact: byMessages, links: "l",
		interests: []string{tagNumerique, tagLitteratie, tagImmig},
		bio:       "Conseiller en développement numérique. Je réalise des diagnostics numériques auprès des organismes et j’anime des ateliers d’initiation en cuisine collective.",
		affs: []affiliation{
			{"connexions", "conseiller en développement numérique", false},
			{"saint-sauveur", "formateur bénévole", false},
		},
	},
	{
		first: "Léa", last: "Chen", pronouns: "elle", region: "06", public: true, contact: byEmail, links: "wlm",
		interests: []string{tagDonnees, tagRecherche, tagNumerique, tagInclusion},
		bio:       "Coordonnatrice du Collectif Données solidaires. Je travaille à rendre les données utiles et compréhensibles pour les organismes qui en produisent sans le savoir.",
		affs: []affiliation{
			{"donnees", "coordonnatrice", true},
			{"roin", "administratrice", false},
		},
	},
	{
		first: "Félix", last: "Morin", region: "06", contact: byMessages, links: "m",
		interests: []string{tagDonnees, tagLibres, tagTransition},
		bio:       "Analyste de données au Collectif Données solidaires. Cartes, tableaux de bord et jeux de données ouverts sur l’économie sociale.",
		affs:      []affiliation{{"donnees", "analyste de données", false}},
	},
	{
		first: "Geneviève", last: "Côté", pronouns: "elle", region: "05", contact: byEmail, links: "l",
		interests: []string{tagLitteratie, tagAines, tagInclusion, tagCirculaire},
		bio:       "Directrice de l’Atelier numérique de l’Estrie. Nous reconditionnons des ordinateurs et nous formons les personnes qui les reçoivent.",
		affs:      []affiliation{{"atelier-estrie", "directrice", true}},
	},
	{
		first: "Thomas", last: "Ouellet", region: "05", contact: byMessages,
		interests: []string{tagLitteratie, tagAines, tagEducPop},
		bio:       "Formateur en littératie numérique. J’anime des ateliers pour les personnes aînées dans les bibliothèques et les HLM de Sherbrooke.",
		affs:      []affiliation{{"atelier-estrie", "formateur en littératie numérique", false}},
	},
	{
		first: "Nadia", last: "Diallo", pronouns: "elle", region: "06", public: true, contact: byEmail, links: "lm",
		interests: []string{tagLitteratie, tagInclusion, tagNumerique, tagEducPop},
		bio:       "Coordonnatrice générale du Réseau des organismes pour l’inclusion numérique. C’est notre réseau qui a proposé la communauté de pratique sur la transformation numérique des organismes communautaires.",
		affs:      []affiliation{{"roin", "coordonnatrice générale", true}},
	},
	{
		first: "Mathis", last: "Leblanc", pronouns: "il", region: "06", contact: byMessages, links: "l",
		interests: []string{tagLitteratie, tagInclusion, tagJeunesse},
		bio:       "Chargé de projet en inclusion numérique. Je coordonne un programme de jeunes ambassadeurs numériques dans les organismes membres du Réseau.",
		affs:      []affiliation{{"roin", "chargé de projet — inclusion numérique", false}},
	},
	{
		first: "Étienne", last: "Fortin", region: "02", public: true, contact: byEmail, links: "wm",
		interests: []string{tagLibres, tagCyber, tagDevLocal, tagESS},
		bio:       "Directeur général de Nuage boréal. Je défends l’idée que les données des organismes d’une région peuvent être hébergées dans la région, par une coopérative.",
		affs:      []affiliation{{"nuage", "directeur général", true}},
	},
	{
		first: "Alexandre", last: "Simard", region: "02", contact: byMessages, links: "m",
		interests: []string{tagLibres, tagCyber},
		bio:       "Administrateur de systèmes à Nuage boréal. Sauvegardes, mises à jour et nuits tranquilles.",
		affs:      []affiliation{{"nuage", "administrateur de systèmes", false}},
	},
	{
		first: "Isabelle", last: "Pelletier", pronouns: "elle", region: "03", public: true, contact: byEmail, links: "wl",
		interests: []string{tagRecherche, tagNumerique, tagDonnees, tagMobConn},
		bio: "Professeure et titulaire de la Chaire de recherche partenariale en numérique communautaire. " +
			"Mes travaux portent sur l’appropriation du numérique par les organismes communautaires et sur les conditions de la recherche avec les milieux.",
		affs: []affiliation{
			{"chaire-num", "titulaire de la chaire", true},
			{"relais", "membre du comité scientifique", false},
		},
	},
	{
		first: "Rafael", last: "Romero", pronouns: "il", region: "03", contact: byMessages, links: "m",
		interests: []string{tagRecherche, tagDonnees, tagImmig},
		bio:       "Doctorant en sociologie. Ma thèse porte sur l’usage des données par les organismes qui accueillent les personnes immigrantes.",
		affs: []affiliation{
			{"chaire-num", "doctorant", false},
			{"donnees", "collaborateur de recherche", false},
		},
	},
	{
		first: "Yasmine", last: "Belkacem", pronouns: "elle", region: "13", contact: byEmail, links: "l",
		interests: []string{tagCyber, tagLitteratie, tagNumerique},
		bio:       "Directrice générale du Carrefour cybersécurité OBNL. J’ai passé quinze ans en sécurité informatique dans le privé avant de me tourner vers le communautaire.",
		affs:      []affiliation{{"cyber", "directrice générale", true}},
	},

	// Funders.
	{
		first: "Philippe", last: "Bélanger", pronouns: "il", region: "06", contact: byMessages, links: "l",
		interests: []string{tagPhilan, tagFinance, tagNumerique, tagInclusion},
		bio:       "Conseiller en philanthropie à la Fondation Horizon solidaire. Je suis le portefeuille numérique et inclusion, et je cherche à financer ce qui dure.",
		affs:      []affiliation{{"horizon", "conseiller en philanthropie", false}},
	},
	{
		first: "Hélène", last: "Lévesque", region: "06", contact: byMessages, links: "l",
		interests: []string{tagPhilan, tagFinance, tagMobConn},
		bio:       "Directrice des programmes de la Fondation Horizon solidaire et membre du comité de pilotage de Relais savoirs.",
		affs:      []affiliation{{"horizon", "directrice des programmes", true}},
	},
	{
		first: "Martin", last: "Lemieux", region: "04", contact: byEmail, links: "l",
		interests: []string{tagFinance, tagESS, tagDevLocal},
		bio:       "Directeur général du Fonds d’investissement solidaire de la Mauricie. Trente ans de finance, dont quinze au service des entreprises collectives.",
		affs:      []affiliation{{"fonds-mauricie", "directeur général", true}},
	},
	{
		first: "Chantal", last: "Dufour", pronouns: "elle", region: "03", contact: byMessages, links: "l",
		interests: []string{tagPhilan, tagAlim, tagJeunesse},
		bio:       "Chargée de programmes à la Fondation des Berges. J’accompagne une vingtaine de projets en sécurité alimentaire dans la région de Québec.",
		affs:      []affiliation{{"berges", "chargée de programmes", true}},
	},
	{
		first: "Denis", last: "Paquette", region: "05", contact: noContact,
		interests: []string{tagPhilan, tagTransition, tagFinance},
		bio:       "Conseiller en philanthropie à la Fondation Racines et avenir.",
		affs:      []affiliation{{"racines", "conseiller en philanthropie", true}},
	},

	// Public bodies.
	{
		first: "Priya", last: "Raman", pronouns: "she/her", region: "07", public: true, contact: byEmail, lang: "en", links: "lm",
		interests: []string{tagDonnees, tagNumerique, tagHabitat},
		bio:       "Responsable des données ouvertes au Centre de services numériques municipaux de l’Outaouais. Je publie les données des municipalités et j’aide les groupes à s’en servir.",
		affs: []affiliation{
			{"outaouais-num", "responsable des données ouvertes", true},
			{"comite-gatineau", "administratrice", false},
		},
	},
	{
		first: "Marc-André", last: "Charbonneau", region: "07", contact: byMessages,
		interests: []string{tagNumerique, tagDevLocal},
		bio:       "Conseiller en transformation numérique auprès des municipalités de l’Outaouais.",
		affs:      []affiliation{{"outaouais-num", "conseiller en transformation numérique", false}},
	},
	{
		first: "Annie", last: "Saint-Pierre", pronouns: "elle", region: "01", contact: byEmail, links: "l",
		interests: []string{tagDevLocal, tagSante, tagAines, tagMobilite},
		bio:       "Conseillère en développement social pour la MRC de Rimouski-Neigette. Je tisse des liens entre les organismes, les municipalités et le réseau de la santé.",
		affs:      []affiliation{{"bds-rimouski", "conseillère en développement social", true}},
	},
	{
		first: "Kevin", last: "Thibodeau", region: "14", contact: byMessages, links: "l",
		interests: []string{tagMobilite, tagTransition, tagDevLocal},
		bio:       "Chargé de projet en mobilité durable. Je développe l’autopartage dans les petites municipalités de Lanaudière.",
		affs:      []affiliation{{"mobilite-lanaudiere", "chargé de projet en mobilité durable", true}},
	},

	// Networks.
	{
		first: "Mélanie", last: "Roy", pronouns: "elle", region: "12", public: true, contact: byEmail, links: "l",
		interests: []string{tagESS, tagDevLocal, tagGouv, tagFinance},
		bio:       "Directrice générale du Carrefour de l’économie sociale de Chaudière-Appalaches. Les entreprises collectives, ce sont des gens qui décident ensemble : c’est ce qui me motive.",
		affs:      []affiliation{{"carrefour-ca", "directrice générale", true}},
	},
	{
		first: "Dominic", last: "Nadeau", region: "12", contact: byMessages,
		interests: []string{tagESS, tagGouv, tagDevLocal},
		bio:       "Conseiller en développement de l’économie sociale. J’accompagne les projets collectifs en démarrage, du plan d’affaires à la première assemblée générale.",
		affs:      []affiliation{{"carrefour-ca", "conseiller en développement de l’économie sociale", false}},
	},
	{
		first: "Fatou", last: "Ndiaye", pronouns: "elle", region: "03", public: true, contact: byEmail, links: "lm",
		interests: []string{tagAlim, tagEducPop, tagSante, tagImmig},
		bio:       "Coordonnatrice du Réseau québécois des cuisines solidaires. J’anime la communauté « Sécurité alimentaire » et je crois à la force des savoirs qui se transmettent autour d’un chaudron.",
		affs: []affiliation{
			{"cuisines", "coordonnatrice", true},
			{"berges", "membre du comité consultatif", false},
		},
	},
	{
		first: "Luc", last: "Gendron", pronouns: "il", region: "05", contact: byEmail, links: "l",
		interests: []string{tagHabitat, tagGouv, tagAines},
		bio:       "Coordonnateur de l’Alliance pour l’habitation communautaire de l’Estrie. J’anime la communauté « Habitation communautaire ».",
		affs:      []affiliation{{"alliance-hab", "coordonnateur", true}},
	},
	{
		first: "Émilie", last: "Rivard", pronouns: "elle", region: "08", public: true, contact: byEmail, links: "wm",
		interests: []string{tagTransition, tagMobConn, tagDevLocal, tagAgriUrb},
		bio:       "Coordonnatrice de la mobilisation au Front commun pour la transition. Nous avons cartographié toutes les actrices et tous les acteurs de la transition en Abitibi-Témiscamingue, et j’anime la communauté « Transition socio-écologique ».",
		affs:      []affiliation{{"front-at", "coordonnatrice de la mobilisation", true}},
	},
	{
		first: "Pierre-Luc", last: "Beaulieu", region: "08", contact: byMessages,
		interests: []string{tagCirculaire, tagTransition},
		bio:       "Chargé de projet en économie circulaire : symbioses industrielles et réemploi des matériaux dans la région.",
		affs:      []affiliation{{"front-at", "chargé de projet en économie circulaire", false}},
	},
	{
		first: "Réjean", last: "Gallant", pronouns: "il", region: "09", contact: byEmail, links: "l",
		interests: []string{tagESS, tagDevLocal, tagGouv},
		bio:       "Directeur du Réseau d’économie sociale de la Côte-Nord. J’ai vu naître la moitié des coopératives de la région.",
		affs:      []affiliation{{"reseau-cn", "directeur", true}},
	},
	{
		first: "Julie", last: "Kanapé", pronouns: "elle", region: "09", public: true, contact: byMessages, links: "l",
		interests: []string{tagDevLocal, tagESS, tagHabitat, tagCulture},
		bio:       "Conseillère en développement au Réseau d’économie sociale de la Côte-Nord. J’accompagne des projets collectifs portés par des membres des communautés innues et allochtones.",
		affs: []affiliation{
			{"reseau-cn", "conseillère en développement", false},
			{"phare", "administratrice", false},
		},
	},

	// Food security and urban agriculture.
	{
		first: "Josée", last: "Lapointe", pronouns: "elle", region: "06", contact: byEmail, links: "l",
		interests: []string{tagAlim, tagAgriUrb, tagInclusion, tagNumerique},
		bio:       "Directrice du Garde-manger du quartier. Notre inventaire est encore sur papier et nos bénévoles s’inscrivent par téléphone : le numérique, on y vient.",
		affs:      []affiliation{{"garde-manger", "directrice", true}},
	},
	{
		first: "Mohamed", last: "Traoré", pronouns: "il", region: "06", contact: byMessages,
		interests: []string{tagAlim, tagAgriUrb, tagImmig},
		bio:       "Coordonnateur des bénévoles au Garde-manger et administrateur de Toits verts nourriciers.",
		affs: []affiliation{
			{"garde-manger", "coordonnateur des bénévoles", false},
			{"toits-verts", "administrateur", false},
		},
	},
	{
		first: "Catherine", last: "Boudreau", region: "11", public: true, contact: byEmail, links: "l",
		interests: []string{tagAlim, tagDevLocal, tagESS, tagCulture},
		bio:       "Coordonnatrice de la Coopérative maraîchère de la Pointe-aux-Fraises et administratrice du Quai des arts. La Gaspésie se nourrit et se raconte elle-même.",
		affs: []affiliation{
			{"pointe-fraises", "coordonnatrice", true},
			{"quai-arts", "administratrice", false},
		},
	},
	{
		first: "Daniela", last: "Gómez", pronouns: "elle", region: "03", contact: byMessages,
		interests: []string{tagAlim, tagEducPop, tagImmig},
		bio:       "Animatrice en cuisine collective. Arrivée de Bogotá en 2015, j’ai commencé comme participante avant de rejoindre l’équipe.",
		affs:      []affiliation{{"saint-sauveur", "animatrice en cuisine collective", true}},
	},
	{
		first: "Vincent", last: "Lachance", region: "06", public: true, contact: byEmail, links: "wl",
		interests: []string{tagAgriUrb, tagTransition, tagCirculaire, tagAlim},
		bio:       "Cofondateur de Toits verts nourriciers. Agronome de formation, je cultive des toits depuis 2014.",
		affs:      []affiliation{{"toits-verts", "cofondateur et directeur des opérations", true}},
	},
	{
		first: "Sarah", last: "Boucher", region: "17", contact: byMessages, links: "l",
		interests: []string{tagAlim, tagCirculaire, tagInclusion},
		bio:       "Coordonnatrice du Frigo partagé de Drummondville. Zéro gaspillage, zéro jugement.",
		affs:      []affiliation{{"frigo", "coordonnatrice", true}},
	},
	{
		first: "Guillaume", last: "Tremblay", pronouns: "il", region: "02", contact: byEmail, links: "l",
		interests: []string{tagAlim, tagDevLocal, tagESS, tagNumerique},
		bio:       "Directeur général du Marché solidaire du Saguenay. Nous avons bâti notre boutique en ligne avec une coopérative de la région.",
		affs:      []affiliation{{"marche-saguenay", "directeur général", true}},
	},

	// Community housing.
	{
		first: "Louise", last: "Bédard", pronouns: "elle", region: "06", contact: noContact,
		interests: []string{tagHabitat, tagGouv, tagAines},
		bio:       "Présidente du conseil d’administration de la Coopérative d’habitation Les Trois Pignons, où j’habite depuis 1987.",
		affs:      []affiliation{{"trois-pignons", "présidente du conseil d’administration", true}},
	},
	{
		first: "Stéphane", last: "Girard", region: "15", contact: byEmail, links: "l",
		interests: []string{tagHabitat, tagFinance, tagDevLocal},
		bio:       "Chargé de projet en développement immobilier communautaire. J’accompagne les groupes, du terrain vacant à la remise des clés.",
		affs:      []affiliation{{"grt-laurentides", "chargé de projet en développement immobilier communautaire", true}},
	},
	{
		first: "Marilou", last: "Harvey", pronouns: "elle", region: "09", contact: byMessages,
		interests: []string{tagHabitat, tagSante, tagInclusion},
		bio:       "Directrice de l’OBNL d’habitation Le Phare à Sept-Îles. Un toit, c’est le début de tout le reste.",
		affs:      []affiliation{{"phare", "directrice", true}},
	},
	{
		first: "Ibrahim", last: "Sow", pronouns: "il", region: "07", public: true, contact: byEmail, links: "m",
		interests: []string{tagHabitat, tagEducPop, tagImmig, tagDonnees},
		bio:       "Organisateur communautaire au Comité logement de Gatineau-Ouest. J’utilise les données ouvertes pour documenter la crise du logement quartier par quartier.",
		affs:      []affiliation{{"comite-gatineau", "organisateur communautaire", true}},
	},

	// Socio-ecological transition.
	{
		first: "Maxime", last: "Dubois", region: "17", contact: byMessages, links: "l",
		interests: []string{tagCirculaire, tagInclusion, tagTransition},
		bio:       "Directeur général de la Recyclerie Le Second Souffle et administrateur du Frigo partagé de Drummondville.",
		affs: []affiliation{
			{"recyclerie", "directeur général", true},
			{"frigo", "administrateur", false},
		},
	},
	{
		first: "Zoé", last: "Lefebvre", pronouns: "iel", region: "04", public: true, contact: byEmail, links: "m",
		interests: []string{tagMobilite, tagCirculaire, tagJeunesse, tagFinance},
		bio:       "Coordonnateur·trice de la Coopérative Roue libre et membre du comité d’investissement du Fonds solidaire de la Mauricie.",
		affs: []affiliation{
			{"roue-libre", "coordonnateur·trice", true},
			{"fonds-mauricie", "membre du comité d’investissement", false},
		},
	},
	{
		first: "Antoine", last: "Bergeron", pronouns: "il", region: "05", contact: byEmail, links: "wl",
		interests: []string{tagRecherche, tagTransition, tagGouv, tagMobConn},
		bio:       "Professeur et chercheur, je dirige le Groupe de recherche sur la transition et les communs. Mes projets portent sur la gouvernance des communs en milieu rural.",
		affs:      []affiliation{{"grtc", "professeur et chercheur, directeur du groupe", true}},
	},
	{
		first: "Laurence", last: "Poirier", pronouns: "elle", region: "05", contact: byMessages, links: "l",
		interests: []string{tagRecherche, tagHabitat, tagTransition},
		bio:       "Professionnelle de recherche. Je coordonne une recherche partenariale sur la transition énergétique des coopératives d’habitation.",
		affs: []affiliation{
			{"grtc", "professionnelle de recherche", false},
			{"alliance-hab", "chargée de recherche partenariale", false},
		},
	},
	{
		first: "Gabriel", last: "Santos", region: "06", public: true, contact: byMessages, links: "m",
		interests: []string{tagTransition, tagAgriUrb, tagEducPop, tagMobilite},
		bio:       "Coordonnateur d’Alternatives vertes Villeray. Ruelles vertes, composteurs et jardins : la transition commence au coin de la rue.",
		affs: []affiliation{
			{"alternatives-villeray", "coordonnateur", true},
			{"toits-verts", "administrateur", false},
		},
	},
	{
		first: "Jessica", last: "Tran", pronouns: "elle", region: "16", contact: byEmail, links: "l",
		interests: []string{tagCirculaire, tagJeunesse, tagDevLocal},
		bio:       "Directrice générale de la Coop de l’Atelier circulaire. Je forme des jeunes à réparer plutôt qu’à jeter.",
		affs:      []affiliation{{"atelier-circulaire", "directrice générale", true}},
	},

	// Community groups.
	{
		first: "Roseline", last: "Pierre-Louis", pronouns: "elle", region: "06", contact: byEmail, links: "l",
		interests: []string{tagImmig, tagJeunesse, tagLitteratie, tagNumerique},
		bio:       "Coordonnatrice de la Maison de quartier Saint-Michel et administratrice du Réseau des organismes pour l’inclusion numérique.",
		affs: []affiliation{
			{"mq-saint-michel", "coordonnatrice", true},
			{"roin", "administratrice", false},
		},
	},
	{
		first: "Omar", last: "El Amrani", pronouns: "il", region: "13", contact: byMessages,
		interests: []string{tagImmig, tagInclusion, tagLitteratie},
		bio:       "Intervenant en intégration. J’aide les familles nouvellement arrivées à faire leurs démarches en ligne, et j’ai vu combien les services publics supposent qu’on sait déjà tout faire.",
		affs:      []affiliation{{"accueil-laval", "intervenant en intégration", true}},
	},
	{
		first: "Noémie", last: "Awashish", pronouns: "elle", region: "04", public: true, contact: byEmail, links: "l",
		interests: []string{tagAines, tagLitteratie, tagSante},
		bio:       "Coordonnatrice du Carrefour des aînés branchés. Une tablette et de la patience : c’est souvent tout ce qu’il faut pour revoir ses petits-enfants.",
		affs:      []affiliation{{"aines-branches", "coordonnatrice", true}},
	},
	{
		first: "Raphaël", last: "Cyr", region: "11", contact: byMessages, links: "wm",
		interests: []string{tagCulture, tagJeunesse, tagDevLocal},
		bio:       "Directeur artistique du Quai des arts. Musicien, j’ai quitté Montréal pour la Gaspésie il y a dix ans.",
		affs:      []affiliation{{"quai-arts", "directeur artistique", true}},
	},
	{
		first: "Justin", last: "Ménard", pronouns: "il", region: "16", contact: byMessages,
		interests: []string{tagJeunesse, tagEducPop, tagCulture},
		bio:       "Animateur jeunesse à la Maison des jeunes L’Escale.",
		affs:      []affiliation{{"escale", "animateur jeunesse", true}},
	},
	{
		first: "Sylvie", last: "Hamel", region: "14", contact: noContact,
		interests: []string{tagSante, tagInclusion, tagAines},
		bio:       "Infirmière et coordonnatrice de la Clinique communautaire du Vieux-Moulin.",
		affs:      []affiliation{{"clinique-joliette", "infirmière et coordonnatrice", true}},
	},
	{
		first: "Bich Ngoc", last: "Pham", pronouns: "elle", region: "06", public: true, contact: byEmail, links: "wl",
		interests: []string{tagPhilan, tagFinance, tagRecherche, tagGouv},
		bio: "Chercheuse à la Chaire de recherche sur la philanthropie et le financement solidaire. " +
			"J’étudie comment les modes de financement façonnent la vie des organismes, et je siège au comité d’évaluation de la Fondation Horizon solidaire.",
		affs: []affiliation{
			{"chaire-philan", "chercheuse", true},
			{"horizon", "membre du comité d’évaluation", false},
		},
	},
	{
		first: "Carole", last: "Mercier", pronouns: "elle", region: "10", contact: byEmail,
		interests: []string{tagDevLocal, tagSante, tagLitteratie},
		bio:       "Coordonnatrice du Carrefour communautaire de la Jamésie. À 700 km de Montréal, le numérique n’est pas un luxe : c’est souvent le seul accès aux services.",
		affs:      []affiliation{{"jamesie", "coordonnatrice", true}},
	},
	{
		first: "Hugo", last: "Lavallée", pronouns: "il", region: "16", contact: byEmail, links: "wl",
		interests: []string{tagNumerique, tagGouv, tagESS},
		bio:       "Consultant en transformation numérique pour les entreprises collectives. J’accompagne les conseils d’administration dans leurs choix technologiques.",
		affs:      []affiliation{{"atelier-circulaire", "conseiller bénévole en technologies", false}},
	},
	{
		first: "Aïcha", last: "Benali-Morin", pronouns: "elle", region: "06", contact: byMessages, links: "l",
		interests: []string{tagSante, tagImmig, tagRecherche},
		bio:       "Organisatrice communautaire et étudiante à la maîtrise en travail social. Je m’intéresse à la santé des familles immigrantes.",
		affs:      []affiliation{{"mq-saint-michel", "organisatrice communautaire", false}},
	},
}
