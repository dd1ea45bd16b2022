package demo

import "github.com/maillage/maillage/internal/maillage"

// The demo taxonomy: every organisation, person and community is tagged
// from this set, so the tag pages and maps show a connected network.
const (
	tagESS        = "économie sociale"
	tagNumerique  = "transformation numérique"
	tagDonnees    = "données ouvertes"
	tagTransition = "transition socio-écologique"
	tagAlim       = "sécurité alimentaire"
	tagHabitat    = "habitation communautaire"
	tagLitteratie = "littératie numérique"
	tagGouv       = "gouvernance démocratique"
	tagMobConn    = "mobilisation des connaissances"
	tagPhilan     = "philanthropie"
	tagInclusion  = "inclusion"
	tagDevLocal   = "développement local"
	tagAgriUrb    = "agriculture urbaine"
	tagCirculaire = "économie circulaire"
	tagMobilite   = "mobilité durable"
	tagLibres     = "logiciels libres"
	tagCyber      = "cybersécurité"
	tagEducPop    = "éducation populaire"
	tagSante      = "santé communautaire"
	tagCulture    = "culture"
	tagJeunesse   = "jeunesse"
	tagAines      = "aînés"
	tagImmig      = "immigration"
	tagRecherche  = "recherche partenariale"
	tagFinance    = "financement"
)

// taxonomy lists the demo tags in a fixed order.
var taxonomy = []string{
	tagESS, tagNumerique, tagDonnees, tagTransition, tagAlim, tagHabitat, tagLitteratie, tagGouv,
	tagMobConn, tagPhilan, tagInclusion, tagDevLocal, tagAgriUrb, tagCirculaire, tagMobilite, tagLibres,
	tagCyber, tagEducPop, tagSante, tagCulture, tagJeunesse, tagAines, tagImmig, tagRecherche, tagFinance,
}

// organization is one fictional entry of the directory.
type organization struct {
	key         string // how people and communities refer to it
	name        string
	typ         maillage.OrganizationType
	place       string // key in places
	street      string // street address, the town is added from place
	slug        string // website: https://<slug>.exemple.org
	tags        []string
	description string
}

// organizations is the fictional directory, grouped by theme.
var organizations = []organization{
	// The knowledge-transfer organisation at the centre of the story.
	{
		key: "relais", name: "Relais savoirs — Centre de transfert en économie sociale", typ: maillage.OrgNonProfit,
		place: "mtl-centre-sud", street: "1850, rue de la Visitation", slug: "relais-savoirs",
		tags: []string{tagESS, tagMobConn, tagRecherche, tagNumerique},
		description: "Relais savoirs accompagne les organisations de l’économie sociale dans le transfert et la mobilisation des connaissances. " +
			"L’équipe anime des communautés de pratique, documente les expériences terrain et fait le pont entre la recherche et la pratique.",
	},

	// Digital transformation, data and free software.
	{
		key: "code-commun", name: "Coopérative de solidarité Code commun", typ: maillage.OrgCooperative,
		place: "mtl-hochelaga", street: "4120, rue Ontario Est", slug: "code-commun",
		tags: []string{tagLibres, tagNumerique, tagCyber},
		description: "Code commun est une coopérative de travailleuses et de travailleurs qui offre des services technologiques aux organismes communautaires. " +
			"Elle héberge, développe et maintient des outils libres, et forme les équipes à les utiliser en toute autonomie.",
	},
	{
		key: "connexions", name: "Connexions communautaires — accompagnement numérique", typ: maillage.OrgNonProfit,
		place: "quebec-saint-roch", street: "310, rue du Pont", slug: "connexions-communautaires",
		tags: []string{tagNumerique, tagLitteratie, tagInclusion},
		description: "Connexions communautaires aide les organismes de la Capitale-Nationale à faire des choix numériques adaptés à leur mission. " +
			"Diagnostics, plans de transformation numérique et accompagnement des équipes, à un coût accessible.",
	},
	{
		key: "donnees", name: "Collectif Données solidaires", typ: maillage.OrgNonProfit,
		place: "mtl-plateau", street: "4450, rue Saint-Denis, bureau 204", slug: "donnees-solidaires",
		tags: []string{tagDonnees, tagRecherche, tagNumerique},
		description: "Le Collectif Données solidaires aide les organisations sociales à produire, ouvrir et utiliser des données au service de leur mission. " +
			"Il publie des jeux de données ouverts sur l’économie sociale et offre des ateliers d’analyse accessibles.",
	},
	{
		key: "atelier-estrie", name: "Atelier numérique de l’Estrie", typ: maillage.OrgSocialEnt,
		place: "sherbrooke", street: "225, rue King Ouest", slug: "atelier-numerique-estrie",
		tags: []string{tagLitteratie, tagAines, tagInclusion},
		description: "Entreprise d’économie sociale, l’Atelier numérique de l’Estrie remet à neuf des ordinateurs et les offre à bas prix. " +
			"Ses formatrices et formateurs animent des ateliers de littératie numérique pour les personnes aînées et les nouveaux arrivants.",
	},
	{
		key: "roin", name: "Réseau des organismes pour l’inclusion numérique", typ: maillage.OrgNetwork,
		place: "mtl-centre", street: "1200, boulevard de Maisonneuve Est", slug: "inclusion-numerique",
		tags: []string{tagLitteratie, tagInclusion, tagEducPop, tagNumerique},
		description: "Le Réseau regroupe une soixantaine d’organismes qui luttent contre la fracture numérique partout au Québec. " +
			"Il porte leurs revendications, partage les outils de formation et soutient le virage numérique des groupes communautaires.",
	},
	{
		key: "nuage", name: "Coop Nuage boréal", typ: maillage.OrgCooperative,
		place: "saguenay", street: "455, rue Racine Est", slug: "nuage-boreal",
		tags: []string{tagLibres, tagCyber, tagDevLocal},
		description: "Nuage boréal offre aux organismes et aux coopératives de la région un hébergement infonuagique local, sécuritaire et fondé sur des logiciels libres. " +
			"Les données restent au Saguenay–Lac-Saint-Jean et les membres décident ensemble des orientations de la coopérative.",
	},
	{
		key: "chaire-num", name: "Chaire de recherche partenariale en numérique communautaire", typ: maillage.OrgResearch,
		place: "quebec-limoilou", street: "1010, 3e Avenue", slug: "chaire-numerique-communautaire",
		tags: []string{tagRecherche, tagNumerique, tagDonnees},
		description: "La Chaire étudie avec les organismes communautaires les effets du virage numérique sur leurs pratiques et leur mission. " +
			"Ses projets sont coconstruits avec les milieux et ses résultats sont publiés en accès libre.",
	},
	{
		key: "cyber", name: "Carrefour cybersécurité OBNL", typ: maillage.OrgNonProfit,
		place: "laval", street: "1555, boulevard Chomedey", slug: "carrefour-cybersecurite",
		tags: []string{tagCyber, tagLitteratie, tagNumerique},
		description: "Le Carrefour aide les petits organismes à protéger leurs données et celles des personnes qu’ils servent. " +
			"Autodiagnostics gratuits, gabarits de politiques et cliniques de cybersécurité animées par des bénévoles spécialisés.",
	},

	// Funders.
	{
		key: "horizon", name: "Fondation Horizon solidaire", typ: maillage.OrgFunder,
		place: "mtl-centre", street: "800, rue du Square-Victoria, bureau 1400", slug: "horizon-solidaire",
		tags: []string{tagPhilan, tagFinance, tagNumerique, tagInclusion},
		description: "La Fondation Horizon solidaire soutient les organismes qui réduisent les inégalités sociales, notamment par le numérique. " +
			"Elle privilégie le financement à la mission, pluriannuel, et accompagne ses partenaires au-delà du chèque.",
	},
	{
		key: "fonds-mauricie", name: "Fonds d’investissement solidaire de la Mauricie", typ: maillage.OrgFunder,
		place: "trois-rivieres", street: "1500, rue Royale", slug: "fonds-solidaire-mauricie",
		tags: []string{tagFinance, tagESS, tagDevLocal},
		description: "Le Fonds offre des prêts et des garanties aux entreprises collectives de la Mauricie, du prédémarrage à l’expansion. " +
			"Son comité d’investissement réunit des gens d’affaires, des élu·es et des personnes du milieu communautaire.",
	},
	{
		key: "berges", name: "Fondation des Berges", typ: maillage.OrgFunder,
		place: "quebec-limoilou", street: "560, chemin de la Canardière", slug: "fondation-des-berges",
		tags: []string{tagPhilan, tagAlim, tagJeunesse},
		description: "La Fondation des Berges finance des projets de sécurité alimentaire et d’engagement des jeunes dans la grande région de Québec. " +
			"Elle réunit chaque année ses partenaires pour partager les apprentissages de leurs projets.",
	},
	{
		key: "racines", name: "Fondation Racines et avenir", typ: maillage.OrgFunder,
		place: "sherbrooke", street: "80, rue Wellington Nord", slug: "racines-et-avenir",
		tags: []string{tagPhilan, tagTransition, tagFinance},
		description: "Fondation familiale de l’Estrie, Racines et avenir soutient les initiatives de transition socio-écologique portées par les communautés. " +
			"Elle finance aussi la recherche partenariale qui documente ces initiatives.",
	},

	// Public bodies.
	{
		key: "outaouais-num", name: "Centre de services numériques municipaux de l’Outaouais", typ: maillage.OrgPublic,
		place: "gatineau", street: "25, rue Laurier", slug: "services-numeriques-outaouais",
		tags: []string{tagDonnees, tagNumerique, tagDevLocal},
		description: "Organisme public au service des municipalités de l’Outaouais, le Centre publie leurs données ouvertes et mutualise leurs outils numériques. " +
			"Il collabore avec les organismes communautaires pour rendre ces données utiles à la population.",
	},
	{
		key: "bds-rimouski", name: "Bureau de développement social de Rimouski-Neigette", typ: maillage.OrgPublic,
		place: "rimouski", street: "205, avenue de la Cathédrale", slug: "developpement-social-rimouski",
		tags: []string{tagDevLocal, tagSante, tagAines},
		description: "Le Bureau coordonne la politique de développement social de la MRC et soutient la concertation entre les organismes du territoire. " +
			"Vieillissement de la population, transport et accès aux services sont ses priorités.",
	},
	{
		key: "mobilite-lanaudiere", name: "Agence régionale de mobilité durable de Lanaudière", typ: maillage.OrgPublic,
		place: "joliette", street: "450, rue Saint-Louis", slug: "mobilite-lanaudiere",
		tags: []string{tagMobilite, tagTransition, tagDevLocal},
		description: "L’Agence planifie le transport collectif et actif dans Lanaudière avec les municipalités et les organismes du milieu. " +
			"Elle soutient les projets d’autopartage et de covoiturage en milieu rural.",
	},

	// Networks.
	{
		key: "carrefour-ca", name: "Carrefour de l’économie sociale de Chaudière-Appalaches", typ: maillage.OrgNetwork,
		place: "levis", street: "5500, boulevard Guillaume-Couture", slug: "carrefour-ess-chaudiere-appalaches",
		tags: []string{tagESS, tagDevLocal, tagGouv},
		description: "Le Carrefour réunit les entreprises collectives de Chaudière-Appalaches et accompagne les projets en démarrage. " +
			"Il anime des formations sur la gouvernance démocratique et représente le secteur auprès des instances régionales.",
	},
	{
		key: "cuisines", name: "Réseau québécois des cuisines solidaires", typ: maillage.OrgNetwork,
		place: "quebec-saint-roch", street: "155, boulevard Charest Est", slug: "cuisines-solidaires",
		tags: []string{tagAlim, tagEducPop, tagSante},
		description: "Le Réseau regroupe les cuisines collectives et solidaires du Québec et défend le droit à une alimentation saine et digne. " +
			"Il offre de la formation, des outils d’animation et des occasions d’échange entre ses membres.",
	},
	{
		key: "alliance-hab", name: "Alliance pour l’habitation communautaire de l’Estrie", typ: maillage.OrgNetwork,
		place: "sherbrooke", street: "1255, rue Daniel", slug: "habitation-estrie",
		tags: []string{tagHabitat, tagGouv, tagAines},
		description: "L’Alliance rassemble les coopératives et les OBNL d’habitation de l’Estrie. " +
			"Elle soutient la gestion démocratique des immeubles et milite pour le développement de logements hors marché.",
	},
	{
		key: "front-at", name: "Front commun pour la transition en Abitibi-Témiscamingue", typ: maillage.OrgNetwork,
		place: "rouyn-noranda", street: "150, avenue du Lac", slug: "transition-abitibi",
		tags: []string{tagTransition, tagMobConn, tagDevLocal},
		description: "Le Front commun fédère les groupes citoyens, les organismes et les entreprises collectives qui portent la transition socio-écologique dans la région. " +
			"Il a dressé la carte des actrices et acteurs de la transition du territoire et la tient à jour avec eux.",
	},
	{
		key: "reseau-cn", name: "Réseau d’économie sociale de la Côte-Nord", typ: maillage.OrgNetwork,
		place: "baie-comeau", street: "858, rue de Puyjalon", slug: "ess-cote-nord",
		tags: []string{tagESS, tagDevLocal, tagGouv},
		description: "Le Réseau accompagne la création et la consolidation des entreprises collectives de la Côte-Nord, de Tadoussac à Blanc-Sablon. " +
			"Il mise sur la coopération entre communautés allochtones et autochtones pour le développement du territoire.",
	},

	// Food security and urban agriculture.
	{
		key: "garde-manger", name: "Le Garde-manger du quartier", typ: maillage.OrgCommunity,
		place: "mtl-hochelaga", street: "2435, rue Darling", slug: "garde-manger-du-quartier",
		tags: []string{tagAlim, tagAgriUrb, tagInclusion},
		description: "Le Garde-manger offre une épicerie solidaire, des repas communautaires et des jardins collectifs dans Hochelaga-Maisonneuve. " +
			"Plus de deux cents bénévoles y participent chaque année.",
	},
	{
		key: "pointe-fraises", name: "Coopérative maraîchère de la Pointe-aux-Fraises", typ: maillage.OrgCooperative,
		place: "gaspe", street: "92, boulevard de York Sud", slug: "pointe-aux-fraises",
		tags: []string{tagAlim, tagDevLocal, tagESS},
		description: "Coopérative de producteurs et de consommateurs, la Pointe-aux-Fraises cultive des légumes biologiques pour les familles de la péninsule. " +
			"Elle approvisionne aussi les écoles et les organismes d’aide alimentaire de Gaspé.",
	},
	{
		key: "saint-sauveur", name: "Cuisine collective Saint-Sauveur", typ: maillage.OrgCommunity,
		place: "quebec-sauveur", street: "640, rue Saint-Vallier Ouest", slug: "cuisine-saint-sauveur",
		tags: []string{tagAlim, tagEducPop, tagImmig},
		description: "La Cuisine collective réunit des familles du quartier, dont plusieurs nouvellement arrivées, pour cuisiner ensemble à petit prix. " +
			"Les ateliers sont aussi des lieux d’entraide et de francisation.",
	},
	{
		key: "toits-verts", name: "Toits verts nourriciers", typ: maillage.OrgSocialEnt,
		place: "mtl-rosemont", street: "5350, rue Molson", slug: "toits-verts",
		tags: []string{tagAgriUrb, tagTransition, tagCirculaire},
		description: "Toits verts nourriciers aménage et exploite des potagers sur les toits d’institutions et d’entreprises de Montréal. " +
			"Les récoltes sont vendues en circuit court ou remises à des organismes d’aide alimentaire.",
	},
	{
		key: "frigo", name: "Frigo partagé de Drummondville", typ: maillage.OrgCommunity,
		place: "drummondville", street: "175, rue Brock", slug: "frigo-drummondville",
		tags: []string{tagAlim, tagCirculaire, tagInclusion},
		description: "Le Frigo partagé récupère les invendus des commerces et les met gratuitement à la disposition de toute la population. " +
			"Il sensibilise aussi les citoyennes et citoyens au gaspillage alimentaire.",
	},
	{
		key: "marche-saguenay", name: "Marché solidaire du Saguenay", typ: maillage.OrgSocialEnt,
		place: "saguenay", street: "1370, boulevard Saint-Paul", slug: "marche-solidaire-saguenay",
		tags: []string{tagAlim, tagDevLocal, tagESS},
		description: "Le Marché solidaire vend en ligne et en kiosque les produits d’une quarantaine de fermes de la région, avec un prix modulé selon le revenu. " +
			"Il contribue à l’autonomie alimentaire du Saguenay–Lac-Saint-Jean.",
	},

	// Community housing.
	{
		key: "trois-pignons", name: "Coopérative d’habitation Les Trois Pignons", typ: maillage.OrgCooperative,
		place: "mtl-pointe", street: "2190, rue Centre", slug: "trois-pignons",
		tags: []string{tagHabitat, tagGouv, tagAines},
		description: "Coopérative de 48 logements à Pointe-Saint-Charles, Les Trois Pignons accueille des familles et des personnes aînées. " +
			"Les membres gèrent l’immeuble ensemble et accueillent les nouveaux ménages avec un parrainage.",
	},
	{
		key: "grt-laurentides", name: "Groupe de ressources techniques Habitat solidaire des Laurentides", typ: maillage.OrgNonProfit,
		place: "saint-jerome", street: "265, rue Saint-Georges", slug: "habitat-solidaire-laurentides",
		tags: []string{tagHabitat, tagFinance, tagDevLocal},
		description: "Le groupe de ressources techniques accompagne les coopératives et les OBNL qui construisent des logements communautaires dans les Laurentides. " +
			"Montage financier, conception et formation des conseils d’administration font partie de son offre.",
	},
	{
		key: "phare", name: "OBNL d’habitation Le Phare", typ: maillage.OrgNonProfit,
		place: "sept-iles", street: "690, avenue Brochu", slug: "habitation-le-phare",
		tags: []string{tagHabitat, tagSante, tagInclusion},
		description: "Le Phare offre des logements abordables avec soutien communautaire à des personnes seules ou en situation de vulnérabilité à Sept-Îles. " +
			"Une intervenante est présente sur place et des activités collectives sont organisées chaque semaine.",
	},
	{
		key: "comite-gatineau", name: "Comité logement de Gatineau-Ouest", typ: maillage.OrgCommunity,
		place: "gatineau", street: "115, rue Principale", slug: "logement-gatineau-ouest",
		tags: []string{tagHabitat, tagEducPop, tagImmig},
		description: "Le Comité informe les locataires de leurs droits et les accompagne dans leurs démarches. " +
			"Il mène des ateliers d’éducation populaire en plusieurs langues et soutient les projets de logement social du secteur.",
	},

	// Socio-ecological transition.
	{
		key: "recyclerie", name: "Recyclerie Le Second Souffle", typ: maillage.OrgSocialEnt,
		place: "victoriaville", street: "40, boulevard des Bois-Francs Nord", slug: "second-souffle",
		tags: []string{tagCirculaire, tagInclusion, tagTransition},
		description: "Entreprise d’insertion, la Recyclerie donne une seconde vie aux meubles, aux électroménagers et aux vêtements. " +
			"Elle offre des parcours de formation rémunérés à des personnes éloignées du marché du travail.",
	},
	{
		key: "roue-libre", name: "Coopérative Roue libre", typ: maillage.OrgCooperative,
		place: "trois-rivieres", street: "330, rue des Forges", slug: "roue-libre",
		tags: []string{tagMobilite, tagCirculaire, tagJeunesse},
		description: "Roue libre répare, loue et recycle des vélos à Trois-Rivières. " +
			"Ses ateliers d’autoréparation et son programme « Vélo-école » rejoignent des centaines de jeunes chaque été.",
	},
	{
		key: "grtc", name: "Groupe de recherche sur la transition et les communs", typ: maillage.OrgResearch,
		place: "sherbrooke", street: "2500, boulevard de l’Université", slug: "transition-et-communs",
		tags: []string{tagRecherche, tagTransition, tagGouv},
		description: "Le Groupe réunit des chercheuses et chercheurs de plusieurs disciplines qui étudient la transition socio-écologique et la gestion des communs. " +
			"Ses projets se font en partenariat avec des organismes et des municipalités.",
	},
	{
		key: "alternatives-villeray", name: "Alternatives vertes Villeray", typ: maillage.OrgCommunity,
		place: "mtl-villeray", street: "7378, rue Lajeunesse", slug: "alternatives-vertes-villeray",
		tags: []string{tagTransition, tagAgriUrb, tagEducPop},
		description: "Alternatives vertes mobilise les résidentes et résidents de Villeray autour de projets écologiques : ruelles vertes, compostage et jardins partagés. " +
			"L’organisme anime aussi des ateliers d’éducation relative à l’environnement dans les écoles.",
	},
	{
		key: "atelier-circulaire", name: "Coop de l’Atelier circulaire", typ: maillage.OrgCooperative,
		place: "longueuil", street: "1050, chemin de Chambly", slug: "atelier-circulaire",
		tags: []string{tagCirculaire, tagJeunesse, tagDevLocal},
		description: "L’Atelier circulaire est une coopérative de solidarité qui répare appareils et objets du quotidien, et forme des jeunes aux métiers de la réparation. " +
			"Elle tient un café-réparation mensuel ouvert à toute la population.",
	},

	// Community groups: newcomers, youth, elders, health, culture.
	{
		key: "mq-saint-michel", name: "Maison de quartier Saint-Michel", typ: maillage.OrgCommunity,
		place: "mtl-saint-michel", street: "3355, rue Jarry Est", slug: "maison-saint-michel",
		tags: []string{tagImmig, tagJeunesse, tagInclusion, tagLitteratie},
		description: "La Maison de quartier accueille les familles de Saint-Michel : aide aux devoirs, accueil des personnes immigrantes, soutien numérique et activités pour les jeunes. " +
			"Elle est un point de rencontre pour une quinzaine d’organismes du quartier.",
	},
	{
		key: "accueil-laval", name: "Centre d’accueil des nouveaux arrivants de Laval", typ: maillage.OrgCommunity,
		place: "laval", street: "3235, boulevard Saint-Martin Est", slug: "accueil-laval",
		tags: []string{tagImmig, tagInclusion, tagLitteratie},
		description: "Le Centre accompagne les personnes immigrantes dans leurs premières démarches à Laval : logement, emploi, francisation et services en ligne. " +
			"Ses ateliers numériques aident les familles à naviguer les services publics.",
	},
	{
		key: "aines-branches", name: "Carrefour des aînés branchés", typ: maillage.OrgCommunity,
		place: "shawinigan", street: "1100, promenade du Saint-Maurice", slug: "aines-branches",
		tags: []string{tagAines, tagLitteratie, tagSante},
		description: "Le Carrefour brise l’isolement des personnes aînées de Shawinigan en leur apprenant à utiliser tablettes, courriel et visioconférence. " +
			"Des jeunes bénévoles y accompagnent les aînés une fois par semaine.",
	},
	{
		key: "quai-arts", name: "Coopérative de solidarité culturelle Le Quai des arts", typ: maillage.OrgCooperative,
		place: "gaspe", street: "10, rue de la Marina", slug: "quai-des-arts",
		tags: []string{tagCulture, tagDevLocal, tagJeunesse},
		description: "Le Quai des arts réunit artistes, travailleurs culturels et citoyens autour d’une salle de spectacle et d’ateliers de création à Gaspé. " +
			"La coopérative offre des résidences aux jeunes artistes de la Gaspésie.",
	},
	{
		key: "escale", name: "Maison des jeunes L’Escale", typ: maillage.OrgCommunity,
		place: "saint-hyacinthe", street: "2050, rue Girouard Ouest", slug: "mdj-escale",
		tags: []string{tagJeunesse, tagEducPop, tagCulture},
		description: "L’Escale est un milieu de vie pour les 12 à 17 ans de Saint-Hyacinthe. " +
			"Les jeunes y mènent leurs propres projets, du balado au jardin collectif, avec l’appui d’une équipe d’animation.",
	},
	{
		key: "clinique-joliette", name: "Clinique communautaire du Vieux-Moulin", typ: maillage.OrgCommunity,
		place: "joliette", street: "380, rue Notre-Dame", slug: "clinique-vieux-moulin",
		tags: []string{tagSante, tagInclusion, tagAines},
		description: "La Clinique offre des soins de proximité aux personnes qui n’ont pas de médecin de famille à Joliette. " +
			"Son approche de santé communautaire associe infirmières, travailleuses sociales et organismes du milieu.",
	},
	{
		key: "chaire-philan", name: "Chaire de recherche sur la philanthropie et le financement solidaire", typ: maillage.OrgResearch,
		place: "mtl-centre", street: "405, rue Sainte-Catherine Est", slug: "chaire-philanthropie",
		tags: []string{tagPhilan, tagFinance, tagRecherche},
		description: "La Chaire analyse les pratiques des fondations et des bailleurs de fonds et leurs effets sur les organismes communautaires. " +
			"Elle anime un espace de dialogue entre philanthropes, chercheuses et praticiens.",
	},
	{
		key: "jamesie", name: "Carrefour communautaire de la Jamésie", typ: maillage.OrgCommunity,
		place: "chibougamau", street: "600, 3e Rue", slug: "carrefour-jamesie",
		tags: []string{tagDevLocal, tagSante, tagLitteratie},
		description: "Le Carrefour offre un lieu d’entraide et des services de proximité aux familles de Chibougamau et de Chapais. " +
			"Il a ouvert un point de service numérique pour pallier l’éloignement des services publics.",
	},
}
