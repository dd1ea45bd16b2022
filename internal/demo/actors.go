package demo

import "github.com/maillage/maillage/internal/maillage"

// orgNote is a public note about an organisation of the directory.
func orgNote(title, org, summary string, authors, tags []string, body string) noteSpec {
	return noteSpec{title: title, summary: summary, body: body, kind: maillage.NoteOrganization, org: org,
		visibility: maillage.VisibilityPublic, authors: authors, tags: tags, community: cdpName}
}

// personCard is a card about someone who is not on Maillage.
func personCard(name, summary string, vis maillage.Visibility, authors, tags []string, body string) noteSpec {
	return noteSpec{title: name, summary: summary, body: body, kind: maillage.NotePerson,
		visibility: vis, authors: authors, tags: tags, community: cdpName}
}

// actorNotes are the cards the community of practice keeps about the
// organisations and people that matter in its field. The people are
// fictional and not members of the platform.
var actorNotes = []noteSpec{
	orgNote("Coop Nuage boréal — hébergement régional", "nuage",
		"Coopérative du Saguenay qui héberge les outils et les données d’organismes de la région, avec des logiciels libres.",
		[]string{"Sophie Lavoie"}, []string{tagLibres, tagDevLocal}, `
**Ce qu’elle offre** : hébergement de Nextcloud, de sites Web et de messagerie pour des OBNL et des coopératives, sauvegardes quotidiennes dans deux centres de données au Saguenay, soutien en français par téléphone.

**Pourquoi elle compte** : c’est l’exemple le plus abouti, au Québec, d’une réponse coopérative et régionale à la question de la [[Souveraineté numérique]]. Les organismes membres participent aux décisions.

**À savoir avant de la contacter** : la coop privilégie les organismes du Saguenay–Lac-Saint-Jean mais accompagne des projets ailleurs au Québec; prévoir une migration accompagnée de quelques semaines.

Présentée à la [[Rencontre 4 — 12 novembre 2025 : résumé|rencontre sur les logiciels libres]].
`),
	orgNote("Collectif Données solidaires — accompagnement en données", "donnees",
		"OBNL montréalais qui aide les organismes à comprendre, protéger et valoriser les données qu’ils produisent.",
		[]string{"Amina Benali"}, []string{tagDonnees, tagRecherche}, `
**Ce qu’il offre** : ateliers sur les données d’un organisme, tableaux de bord simples, accompagnement pour publier des [[Données ouvertes]], soutien à la conformité en matière de renseignements personnels.

**Pourquoi il compte** : le Collectif fait le pont entre le milieu communautaire et le milieu de la recherche; il a coanimé la rencontre sur les données de la communauté de pratique.

Ressources : [[Publier des données ouvertes en cinq étapes]], [[Aide-mémoire — renseignements personnels dans les organismes]].
`),
	orgNote("Atelier numérique de l’Estrie — reconditionnement et formation", "atelier-estrie",
		"Entreprise d’économie sociale de Sherbrooke qui reconditionne des ordinateurs et forme les personnes qui les reçoivent.",
		[]string{"Camille Tremblay-Roy"}, []string{tagLitteratie, tagCirculaire}, `
**Ce qu’il offre** : ordinateurs reconditionnés à bas prix pour les personnes et les organismes, ateliers d’initiation, service de réparation.

**Pourquoi il compte** : l’Atelier relie trois enjeux que l’on traite souvent séparément — l’accès à l’équipement, la [[Littératie numérique]] et l’économie circulaire. Son modèle « un ordinateur, une formation » est cité en exemple dans la région.
`),
	orgNote("Carrefour cybersécurité OBNL — services aux organismes", "cyber",
		"OBNL lavallois spécialisé en cybersécurité pour les organismes à but non lucratif : formations, audits légers et soutien en cas d’incident.",
		[]string{"Noé Petit", "Yasmine Belkacem"}, []string{tagCyber, tagLitteratie}, `
**Ce qu’il offre** : formations d’une heure pour les équipes et les conseils d’administration, audit léger en une journée, ligne d’aide en cas d’incident (courriel piraté, rançongiciel).

**Pourquoi il compte** : il adapte les pratiques de sécurité à la réalité des petites équipes et des bénévoles, sans jargon. Coauteur de la [[Liste de vérification — cybersécurité de base]].
`),
	personCard("Mireille Ouimet",
		"Pionnière de l’accès communautaire à Internet au Québec; a fondé l’un des premiers centres d’accès public à Montréal dans les années 1990.",
		maillage.VisibilityPublic, []string{"Camille Tremblay-Roy"}, []string{tagInclusion, tagLitteratie}, `
**Parcours** : animatrice communautaire dans Hochelaga-Maisonneuve, elle ouvre en 1996 un centre d’accès à Internet dans un sous-sol d’église, puis accompagne une quarantaine de centres semblables au Québec jusqu’en 2010.

**Pourquoi elle compte** : elle a documenté, bien avant qu’on parle d’[[Inclusion numérique]], ce qui fait qu’un lieu d’accès fonctionne : la présence humaine, la gratuité, la confiance. Ses carnets d’animation circulent encore.

**Aujourd’hui** : retraitée, elle donne volontiers des entrevues aux étudiant·es et aux organismes. Elle n’est pas sur Maillage; passer par le Réseau des organismes pour l’inclusion numérique pour la joindre.
`),
	personCard("Patrice Nolet",
		"Chargé de programme, volet numérique, au Fonds d’appui au virage numérique communautaire.",
		maillage.VisibilityCommunity, []string{"Camille Tremblay-Roy", "Philippe Bélanger"}, []string{tagFinance, tagNumerique}, `
**Rôle** : il analyse les demandes du programme d’aide au virage numérique des organismes communautaires (jusqu’à 25 000 $ par projet, deux appels par année).

**Conseils de prise de contact** (réservés à la communauté) :

- il préfère un appel de 15 minutes avant le dépôt, pour valider l’admissibilité;
- il insiste sur la formation et la maintenance : un projet qui ne prévoit que des achats d’équipement est rarement retenu;
- il connaît bien les travaux de notre communauté et cite le gabarit de budget.

Il n’est pas inscrit sur Maillage.
`),
	personCard("Josiane Bastien",
		"Bibliothécaire responsable de la médiation numérique dans un réseau de bibliothèques publiques de la Montérégie.",
		maillage.VisibilityPublic, []string{"Amina Benali", "Noémie Awashish"}, []string{tagLitteratie, tagAines}, `
**Ce qu’elle fait** : elle a mis sur pied des « cafés numériques » hebdomadaires dans onze bibliothèques, animés par des bénévoles formé·es. Plus de 2 000 participations par année, surtout des personnes aînées.

**Pourquoi elle compte** : les bibliothèques sont des alliées naturelles des organismes pour la [[Littératie numérique]]; son modèle de formation des bénévoles a inspiré le [[Guide d’animation d’un atelier d’initiation au numérique]].

Elle n’est pas sur Maillage; on la joint par sa bibliothèque.
`),
	personCard("Hamza Ouali",
		"Développeur bénévole, mainteneur d’Adhérents, un logiciel libre de gestion des membres et des bénévoles pour les OBNL.",
		maillage.VisibilityPublic, []string{"Karim Haddad"}, []string{tagLibres, tagESS}, `
**Ce qu’il fait** : depuis 2019, il maintient sur son temps libre Adhérents, un logiciel libre qui gère les adhésions, les cotisations et les horaires de bénévoles. Une soixantaine d’organismes québécois l’utilisent.

**Pourquoi il compte** : c’est l’une des rares solutions libres pensées pour les petits OBNL francophones. Sa pérennité repose sur une seule personne — un enjeu discuté à la [[Rencontre 4 — 12 novembre 2025 : résumé|rencontre sur les logiciels libres]].

**Comment l’aider** : signaler les bogues, traduire la documentation, ou financer des heures de maintenance par l’intermédiaire d’une coopérative.
`),
}
