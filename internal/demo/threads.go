package demo

// threads are the demo discussions, in posting order: the exchanges of
// the community of practice between its meetings, then two threads of
// the thematic community « Numériques et données ». Notes relayed into
// that community's notebook add their own threads on top of these.
var threads = []threadSpec{
	{
		community: cdpName, author: "Josée Lapointe",
		title: "Inventaire du Garde-manger : tableur partagé ou vrai logiciel?",
		body: "Bonjour tout le monde!\n\n" +
			"Depuis la grille de diagnostic, on sait que notre gestion est au niveau 1 : l’inventaire est encore sur papier. " +
			"On hésite entre un tableur partagé et un logiciel de gestion d’inventaire. Nos bénévoles changent souvent et plusieurs ne sont pas à l’aise avec l’ordinateur.\n\n" +
			"Des expériences à partager?",
		reactions: []reaction{{"Nadia Diallo", thumbsUp}, {"Roseline Pierre-Louis", thinking}},
		replies: []replySpec{
			{author: "Karim Haddad", body: "Commencez par le tableur, vraiment. Un formulaire simple pour les entrées, un onglet par mois pour les sorties, " +
				"et personne n’a besoin d’apprendre autre chose que remplir un formulaire. On peut vous montrer en une heure.",
				reactions: []reaction{{"Josée Lapointe", thanks}, {"Samuel Joseph", thumbsUp}}},
			{author: "Samuel Joseph", body: "D’accord avec Karim. Un tableur bien structuré vous fait passer au niveau 2 de la grille sans formation lourde. " +
				"Le vrai logiciel, ce sera pour quand vous saurez exactement ce dont vous avez besoin.",
				reactions: []reaction{{"Marie-Ève Gagnon", thumbsUp}}},
			{author: "Sophie Lavoie", parent: 1, body: "Et le tableur vous apprendra ce que vous attendez d’un logiciel. " +
				"On l’a vu avec une épicerie solidaire de Verdun : après un an de tableur, le choix du logiciel a pris deux semaines au lieu de six mois."},
			{author: "Josée Lapointe", body: "Merci à vous trois! On essaie le tableur cet automne. Karim, je t’écris pour la formation des bénévoles.",
				reactions: []reaction{{"Karim Haddad", heart}}},
		},
	},
	{
		community: cdpName, author: "Noé Petit", share: "Liste de vérification — cybersécurité de base",
		reactions: []reaction{{demoFirst + " " + demoLast, heart}, {"Yasmine Belkacem", thumbsUp}, {"Josée Lapointe", thanks}},
		replies: []replySpec{
			{author: "Yasmine Belkacem", body: "Merci Noé! J’ajouterais qu’on peut commencer par la dernière case : " +
				"une formation de trente minutes sur l’hameçonnage évite à elle seule la moitié des incidents qu’on voit."},
			{author: "Carole Mercier", body: "Une question de la Jamésie : l’authentification à deux facteurs par texto, ça ne marche pas toujours chez nous, " +
				"le réseau cellulaire est inégal. Qu’est-ce que vous conseillez?",
				reactions: []reaction{{"Noémie Awashish", thinking}}},
			{author: "Noé Petit", parent: 2, body: "Bonne question! Une application d’authentification fonctionne hors ligne : le code est calculé par le téléphone. " +
				"Et pour les personnes sans téléphone intelligent, une clé physique coûte une trentaine de dollars.",
				reactions: []reaction{{"Étienne Fortin", idea}, {"Carole Mercier", thanks}}},
			{author: "Carole Mercier", parent: 2, body: "Parfait, je vais commander deux clés pour essayer."},
		},
	},
	{
		community: cdpName, author: "Omar El Amrani",
		title: "Démarches en ligne des familles : comment faites-vous?",
		body: "Depuis que plusieurs démarches ne se font plus qu’en ligne, on passe une bonne partie de nos journées à remplir des formulaires avec les familles. " +
			"Ce n’est pas notre mandat, mais on ne peut pas les laisser tomber.\n\nEst-ce que d’autres organismes ont trouvé une façon de s’organiser?",
		reactions: []reaction{{"Roseline Pierre-Louis", thumbsUp}, {"Noémie Awashish", thinking}},
		replies: []replySpec{
			{author: "Roseline Pierre-Louis", body: "Même chose à Saint-Michel. On a créé des plages « démarches accompagnées » le mardi et le jeudi, sur rendez-vous, " +
				"ce qui protège le reste de la semaine. @{Isabelle Pelletier}, tu parlais en janvier d’une recherche sur ce déplacement de la charge vers les organismes?",
				reactions: []reaction{{"Omar El Amrani", idea}}},
			{author: "Isabelle Pelletier", parent: 1, body: "Oui! Notre enquête le confirme : plus de la moitié des organismes font des démarches en ligne pour les personnes, " +
				"presque toujours sans financement. Je partage la synthèse ici dès qu’elle est publiée.",
				reactions: []reaction{{"Roseline Pierre-Louis", thanks}, {"Nadia Diallo", thumbsUp}}},
			{author: "Mathis Leblanc", body: "Au ROIN, des jeunes ambassadeur·rices tiennent des permanences le samedi dans trois organismes. " +
				"Ça ne règle pas le fond du problème, mais ça soulage les équipes."},
		},
	},
	{
		community: cdpName, author: "Léa Chen",
		title: "Atelier « Nos données, notre pouvoir » : qui veut le tester?",
		body: "Je prépare avec le Collectif un atelier de 90 minutes sur les données qu’un organisme produit sans le savoir, " +
			"dans la suite de notre rencontre de mars. Je cherche deux ou trois organismes pour le tester cet hiver.",
		reactions: []reaction{{demoFirst + " " + demoLast, tada}, {"Isabelle Pelletier", idea}},
		replies: []replySpec{
			{author: "Roseline Pierre-Louis", body: "Saint-Michel est partante! On a encore nos onze listes à mettre de l’ordre."},
			{author: "Carole Mercier", body: "La Jamésie aussi, si ça peut se faire à distance."},
			{author: "Léa Chen", parent: 2, body: "Oui, une version à distance est prévue. On s’en reparle en janvier pour fixer les dates.",
				reactions: []reaction{{"Carole Mercier", thumbsUp}}},
		},
	},
	{
		community: cdpName, author: "Amina Benali",
		title: "Les notes de la rencontre 8 sont en ligne",
		body: "Bonjour! Le résumé de la rencontre du 16 septembre et les balises sur l’IA générative sont publiés dans le carnet « Rencontres de la CdP » " +
			"et relayés dans le carnet de « Numériques et données ». Le compte rendu détaillé est réservé, comme d’habitude, à l’animation et à la prise de notes.\n\n" +
			"N’hésitez pas à me signaler une erreur ou un oubli.",
		reactions: []reaction{{"Noé Petit", thanks}, {"Geneviève Côté", heart}},
		replies: []replySpec{
			{author: "Noé Petit", body: "Merci Amina pour la mise en forme, c’est beaucoup plus clair que mes notes!"},
			{author: "Geneviève Côté", body: "Je l’ai déjà envoyé à notre conseil d’administration, qui se posait justement la question de l’IA."},
		},
	},
	{
		community: cdpName, author: demoFirst + " " + demoLast,
		title: "Rencontre 9 — 9 décembre 2026 : bilan et suite de la communauté",
		body: "Bonjour à toutes et à tous,\n\n" +
			"Comme annoncé en septembre, le financement de l’animation se termine en décembre. Je vous propose que notre neuvième rencontre, " +
			"le **mercredi 9 décembre de 13 h 30 à 15 h 30**, soit consacrée au bilan et à la suite.\n\n" +
			"Ordre du jour proposé :\n\n" +
			"1. Ce que la communauté nous a apporté (tour de table)\n" +
			"2. Ce que nous laissons : la base de connaissances « Savoirs de la CdP numérique »\n" +
			"3. Trois scénarios pour la suite : clore, continuer de façon autonome, ou devenir un groupe de travail de « Numériques et données »\n\n" +
			"@{Amina Benali} présentera la base de connaissances. Vos commentaires sur l’ordre du jour sont bienvenus d’ici le 2 décembre.",
		reactions: []reaction{{"Amina Benali", heart}, {"Sophie Lavoie", thumbsUp}, {"Nadia Diallo", thumbsUp}},
		replies: []replySpec{
			{author: "Nadia Diallo", body: "Merci Camille. Au ROIN, nous serions prêt·es à assumer une partie de l’animation si la communauté veut continuer, mais pas seul·es."},
			{author: "Philippe Bélanger", body: "De notre côté, la fondation ne pourra pas renouveler le même financement. " +
				"Un petit montant pour maintenir les carnets et tenir une rencontre annuelle pourrait toutefois être discuté. À mettre au point 3?",
				reactions: []reaction{{demoFirst + " " + demoLast, thanks}, {"Nadia Diallo", tada}}},
			{author: demoFirst + " " + demoLast, parent: 2, body: "Oui, merci Philippe, je l’ajoute au point 3."},
			{author: "Sophie Lavoie", body: "Je pencherais pour une formule plus légère : deux rencontres par année, et le reste des échanges dans « Numériques et données »."},
			{author: "Roseline Pierre-Louis", body: "Pour les groupes communautaires, ces rencontres ont été précieuses : c’est souvent le seul endroit où nous parlons d’égal à égal avec les personnes qui nous accompagnent. " +
				"Je voterai pour continuer, sous une forme ou une autre.",
				reactions: []reaction{{"Josée Lapointe", heart}, {"Omar El Amrani", heart}}},
		},
	},

	{
		community: publicCommunityName, author: "Olivier Nguyen", pinned: true,
		title: "Bienvenue! Présentez-vous en quelques mots",
		body: "Bienvenue dans « Numériques et données »!\n\n" +
			"Vous êtes maintenant plusieurs centaines. Pour qu’on se connaisse un peu, présentez-vous en répondant à ce fil : " +
			"ce que vous faites, ce qui vous amène ici, ce que vous aimeriez y trouver.\n\n" +
			"Les ressources de la communauté sont rangées dans le carnet « Carnet de la communauté : ressources numériques ».",
		reactions: []reaction{{demoFirst + " " + demoLast, heart}, {"Léa Chen", thumbsUp}},
		replies: []replySpec{
			{member: 5, body: "Bonjour! Je coordonne les bénévoles d’une friperie communautaire. On cherche un outil simple pour gérer les horaires : je suis ici pour apprendre."},
			{member: 23, body: "Bibliothécaire, j’anime des cafés numériques pour les personnes aînées. Très contente de découvrir le guide d’animation de la communauté de pratique!"},
			{author: "Félix Morin", body: "Analyste de données au Collectif Données solidaires. Je peux aider celles et ceux qui veulent publier des données ouvertes : écrivez-moi."},
			{member: 61, parent: 3, body: "Merci Félix, je vais sûrement vous écrire : notre table de quartier aimerait publier ses données de sécurité alimentaire."},
			{member: 140, body: "Étudiante en travail social, je fais mon mémoire sur l’inclusion numérique des familles nouvellement arrivées. Je lis beaucoup, je publierai peut-être un jour!"},
		},
	},
	{
		community: publicCommunityName, author: "Priya Raman",
		title: "Données ouvertes municipales : ce que les organismes peuvent en faire",
		body: "Bonjour! (English below.)\n\n" +
			"Les municipalités de l’Outaouais publient maintenant leurs données sur les permis de construction, le transport et les loyers. " +
			"Je serais heureuse d’aider les organismes qui voudraient s’en servir pour documenter les besoins de leur quartier.\n\n" +
			"*Hello! Outaouais municipalities now publish open data on building permits, transit and rents. I would be glad to help community groups use it.*",
		reactions: []reaction{{"Ibrahim Sow", thumbsUp}, {"Olivier Nguyen", idea}},
		replies: []replySpec{
			{author: "Ibrahim Sow", body: "Merci Priya! Au Comité logement, on a croisé les données de permis avec nos propres relevés de loyers : " +
				"ça a beaucoup aidé notre mémoire au conseil municipal."},
			{author: "Léa Chen", body: "Le guide de la communauté de pratique sur la publication de données ouvertes peut servir de complément, " +
				"pour les organismes qui voudraient publier leurs propres données agrégées."},
			{author: "Priya Raman", parent: 1, body: "Ibrahim, would you present that work at a community webinar this winter? / Accepterais-tu de le présenter cet hiver?",
				reactions: []reaction{{"Ibrahim Sow", thumbsUp}}},
		},
	},
}
