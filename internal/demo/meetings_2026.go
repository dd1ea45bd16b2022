package demo

// The meetings of 2026: digital literacy, data, funding, generative AI.

var meeting5 = meeting{
	minute: minute("Rencontre 5 — 14 janvier 2026 : compte rendu", usualWriters, `
**Date** : mercredi 14 janvier 2026, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : Camille Tremblay-Roy · **Prise de notes** : Amina Benali

**Présences (15)** : Camille Tremblay-Roy, Amina Benali, Nadia Diallo, Samuel Joseph, Geneviève Côté, Mathis Leblanc, Étienne Fortin, Léa Chen, Roseline Pierre-Louis, Omar El Amrani, Noémie Awashish, Carole Mercier, Josée Lapointe, Isabelle Pelletier, Marie-Ève Gagnon.

## 1. Trois témoignages

- @{Noémie Awashish} (Carrefour des aînés branchés) : des ateliers d’une heure, jamais plus de six personnes, toujours sur l’appareil de la personne. « La tablette prêtée, c’est la tablette qu’on n’utilisera plus en rentrant chez soi. »
- @{Mathis Leblanc} (ROIN) : les jeunes ambassadeur·rices numériques, formé·es en dix heures, accompagnent les personnes aînées dans les organismes membres. Le lien entre générations compte autant que la technique.
- @{Omar El Amrani} : pour les familles nouvellement arrivées, l’obstacle est souvent la langue des interfaces avant la technique.

## 2. Les équipes aussi

Samuel rappelle que la grille de diagnostic montre presque toujours un niveau 1 en « Compétences ». Marie-Ève : les bénévoles de longue date sont souvent les plus inquiet·es; il faut les former en premier, pas en dernier.

## 3. Apport de la recherche

Isabelle présente les résultats préliminaires d’une enquête de la chaire auprès de 120 organismes : le facteur qui prédit le mieux l’appropriation d’un outil est le temps de formation prévu **après** le déploiement.

## Décisions

1. Rédiger un guide d’animation d’atelier d’initiation, à partir des pratiques de Noémie et de Mathis, en s’inspirant aussi des cafés numériques des bibliothèques ([[Josiane Bastien]]).
2. Mars : Camille sera en congé; Nadia animera la rencontre sur les données.

## Suivis

- [x] Amina, Mathis et Noémie : [[Guide d’animation d’un atelier d’initiation au numérique]].
- [ ] Isabelle : partager la synthèse de l’enquête quand elle sera publiée.
`),
	summary: summary("Rencontre 5 — 14 janvier 2026 : résumé",
		"La littératie numérique des équipes et des personnes rejointes : petits groupes, appareils personnels et formation qui dure.",
		usualWriters, []string{tagLitteratie, tagInclusion, tagAines}, `
Cinquième rencontre de la communauté de pratique, sur la [[Littératie numérique]] — celle des personnes que les organismes rejoignent et celle de leurs équipes.

## Ce que nous avons retenu

- **Petits groupes, appareils personnels** : on apprend mieux sur l’appareil qu’on utilisera chez soi, à six personnes au plus.
- **Le lien compte** : le jumelage entre jeunes et personnes aînées crée une confiance qui fait durer l’apprentissage.
- **La langue des interfaces** est un obstacle à part entière pour les personnes nouvellement arrivées : c’est un enjeu d’[[Inclusion numérique]].
- **Former les équipes d’abord**, à commencer par les bénévoles de longue date.
- Selon une enquête auprès de 120 organismes, le temps de formation prévu **après** le déploiement d’un outil est ce qui prédit le mieux son adoption.

## Ressource

Le [[Guide d’animation d’un atelier d’initiation au numérique]], rédigé à partir des pratiques partagées pendant la rencontre. L’[[Animation]] de ces ateliers s’apprend, et se partage.
`),
	resources: []noteSpec{
		resource("Guide d’animation d’un atelier d’initiation au numérique",
			"Préparer et animer un atelier d’une heure pour six personnes au plus, sur leurs propres appareils.",
			[]string{"Amina Benali", "Mathis Leblanc", "Noémie Awashish"}, []string{tagLitteratie, tagAines, tagEducPop}, `
Ce guide rassemble les pratiques de membres de la communauté de pratique qui animent des ateliers auprès de personnes aînées, de jeunes et de familles nouvellement arrivées.

## Préparer

- [ ] Demander aux personnes d’apporter **leur** appareil, chargé, avec leurs mots de passe.
- [ ] Prévoir une personne accompagnatrice pour trois participant·es.
- [ ] Choisir **un seul** objectif concret : faire un appel vidéo, prendre un rendez-vous en ligne, reconnaître un courriel frauduleux.
- [ ] Vérifier le réseau sans fil du local, et prévoir un plan B hors ligne.
- [ ] Imprimer un aide-mémoire en gros caractères.

## Déroulement d’une heure

| Durée | Étape | Conseils |
|---:|---|---|
| 10 min | Accueil et tour de table | demander ce que chaque personne veut réussir aujourd’hui |
| 10 min | Démonstration | une seule fois, lentement, sur grand écran si possible |
| 30 min | Pratique accompagnée | ne jamais prendre l’appareil des mains de la personne |
| 10 min | Retour | chaque personne refait le geste seule et note ce qu’elle retient |

## Après

- [ ] Proposer un deuxième atelier dans les deux semaines : sans répétition, on oublie.
- [ ] Noter les questions qui reviennent pour le prochain groupe.

Voir aussi : [[Littératie numérique]], [[Inclusion numérique]].
`),
	},
}

var meeting6 = meeting{
	minute: minute("Rencontre 6 — 11 mars 2026 : compte rendu", nadiaWriters, `
**Date** : mercredi 11 mars 2026, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : @{Nadia Diallo} (Camille Tremblay-Roy en congé) · **Prise de notes** : Amina Benali

**Présences (14)** : Nadia Diallo, Amina Benali, Sophie Lavoie, Noé Petit, Samuel Joseph, Mathis Leblanc, Yasmine Belkacem, Léa Chen, Roseline Pierre-Louis, Josée Lapointe, Omar El Amrani, Carole Mercier, Philippe Bélanger, Isabelle Pelletier.

## 1. Présentation : les données qu’on produit sans le savoir

@{Léa Chen} (Collectif Données solidaires) a fait l’exercice avec Roseline : la Maison de quartier Saint-Michel tient onze listes différentes (inscriptions, dépannage, bénévoles, dons…), dont quatre contiennent des renseignements sensibles. Aucune n’a de responsable désigné·e.

## 2. Présentation : ce que la loi demande

@{Isabelle Pelletier} a rappelé les obligations des organismes en matière de protection des renseignements personnels : désigner une personne responsable, tenir un registre des incidents, ne recueillir que ce qui est nécessaire, et pouvoir répondre à une personne qui demande ce qu’on sait d’elle.

## 3. Discussion

- Josée : « On demande la date de naissance à tout le monde au dépannage, mais je ne sais pas pourquoi. » Isabelle : c’est exactement la question à se poser.
- Omar s’inquiète des formulaires en ligne gratuits hébergés à l’étranger pour les inscriptions de familles.
- Léa propose de publier, à l’inverse, des données agrégées utiles au quartier, en [[Données ouvertes]].
- Philippe : les fondations demandent de plus en plus de données d’impact; il reconnaît que la demande est parfois disproportionnée.

## Décisions

1. Publier un aide-mémoire court sur les renseignements personnels : Léa et Isabelle.
2. Publier un guide pour publier des données ouvertes agrégées : Léa.
3. Proposer à la fondation de revoir ses exigences de reddition de comptes : Philippe en parle à l’interne.

## Suivis

- [x] Léa et Isabelle : [[Aide-mémoire — renseignements personnels dans les organismes]].
- [x] Léa : [[Publier des données ouvertes en cinq étapes]].
- [ ] Nadia : faire le lien avec Camille à son retour.
`),
	summary: summary("Rencontre 6 — 11 mars 2026 : résumé",
		"Les données des organismes : connaître ce qu’on recueille, protéger les renseignements personnels, publier ce qui peut servir au quartier.",
		nadiaWriters, []string{tagDonnees, tagCyber}, `
Sixième rencontre de la communauté de pratique, sur les données des organismes communautaires.

## Ce que nous avons retenu

- Un organisme de quartier peut tenir une dizaine de listes différentes sans s’en rendre compte; plusieurs contiennent des renseignements sensibles.
- La première question à poser pour chaque renseignement recueilli : **à quoi sert-il?** Ce qui ne sert à rien ne devrait pas être recueilli.
- La loi demande aux organismes de désigner une personne responsable de la protection des renseignements personnels et de tenir un registre des incidents.
- À l’inverse, des données agrégées et anonymes peuvent être publiées en [[Données ouvertes]] et servir tout le quartier.
- La reddition de comptes demandée par les bailleurs de fonds gagnerait à être proportionnée.

## Ressources

- [[Aide-mémoire — renseignements personnels dans les organismes]]
- [[Publier des données ouvertes en cinq étapes]]
`),
	resources: []noteSpec{
		resource("Aide-mémoire — renseignements personnels dans les organismes",
			"Sept questions pour faire le point sur les renseignements personnels que recueille un organisme, et les obligations de base.",
			[]string{"Léa Chen", "Isabelle Pelletier"}, []string{tagDonnees, tagCyber, tagGouv}, `
Cet aide-mémoire ne remplace pas un avis juridique. Il aide une équipe à faire le point en une rencontre.

## Les sept questions

1. Quelles listes tenons-nous (inscriptions, membres, bénévoles, dons, dépannage…)?
2. Pour chaque renseignement recueilli : à quoi sert-il vraiment?
3. Où sont conservées ces listes, et qui y a accès?
4. Combien de temps les gardons-nous?
5. Qui est la personne responsable de la protection des renseignements personnels?
6. Que ferions-nous si une liste était perdue ou volée?
7. Que répondrions-nous à une personne qui demande ce que nous savons d’elle?

## Les obligations de base

| Obligation | En pratique |
|---|---|
| Personne responsable | par défaut la direction; son nom est publié sur le site Web |
| Nécessité | ne recueillir que ce qui sert à la mission |
| Consentement | dire à quoi servent les renseignements au moment de les recueillir |
| Registre des incidents | un simple tableau daté suffit pour commencer |
| Conservation | détruire ce qui ne sert plus, de façon sécuritaire |

Pour la sécurité des listes, voir la [[Liste de vérification — cybersécurité de base]].
`),
		resource("Publier des données ouvertes en cinq étapes",
			"Comment un organisme peut publier des données agrégées utiles à son quartier, sans jamais exposer de renseignements personnels.",
			[]string{"Léa Chen"}, []string{tagDonnees, tagDevLocal}, `
Les organismes produisent des données précieuses sur les besoins de leur milieu. Publiées en [[Données ouvertes]], elles peuvent appuyer des demandes de financement, des recherches ou des décisions municipales.

## Les cinq étapes

1. **Choisir une question** : par exemple, le nombre de paniers de dépannage par mois et par secteur.
2. **Agréger** : jamais de ligne par personne; regrouper par mois, par secteur, par tranche d’âge.
3. **Vérifier l’anonymat** : aucune case ne doit compter moins de cinq personnes.
4. **Documenter** : une page qui dit d’où viennent les données, ce qu’elles comptent et leurs limites.
5. **Publier** : un fichier CSV, une licence CC BY 4.0 et une date de mise à jour.

## Exemple de fichier

| mois | secteur | paniers | ménages distincts |
|---|---|---:|---:|
| 2026-01 | Nord | 412 | 188 |
| 2026-01 | Sud | 367 | 171 |
| 2026-02 | Nord | 398 | 181 |

Plusieurs municipalités publient déjà des données utiles aux organismes; le Centre de services numériques municipaux de l’Outaouais accompagne les groupes qui veulent s’en servir.
`),
	},
}

var meeting7 = meeting{
	minute: minute("Rencontre 7 — 13 mai 2026 : compte rendu", usualWriters, `
**Date** : mercredi 13 mai 2026, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : Camille Tremblay-Roy · **Prise de notes** : Amina Benali

**Présences (16)** : Camille Tremblay-Roy, Amina Benali, Nadia Diallo, Sophie Lavoie, Karim Haddad, Marie-Ève Gagnon, Samuel Joseph, Geneviève Côté, Étienne Fortin, Léa Chen, Roseline Pierre-Louis, Josée Lapointe, Noémie Awashish, Carole Mercier, Philippe Bélanger, Isabelle Pelletier.

## 1. Le point de vue d’une fondation

@{Philippe Bélanger} (Fondation Horizon solidaire) : la fondation a reçu 64 demandes à volet numérique en 2025; 80 % ne prévoyaient aucun budget de formation ni de maintenance. La fondation veut désormais financer des projets sur trois ans et accepte que la moitié du budget aille aux heures d’accompagnement. Il cite aussi le programme public dont s’occupe [[Patrice Nolet]].

## 2. Le coût d’un accompagnement

@{Marie-Ève Gagnon} a présenté le coût réel d’un accompagnement chez Connexions communautaires : environ 40 heures réparties sur un an pour un organisme de cinq employé·es, soit trois fois ce que les organismes prévoient.

## 3. Témoignages

- Josée : le Garde-manger a reçu une subvention pour acheter huit tablettes en 2024; sans formation, six dorment dans un tiroir.
- Carole : en Jamésie, la connexion coûte à elle seule plus que les logiciels; aucun programme ne la finance.
- Étienne : une coopérative d’hébergement facture à prix coûtant, mais il faut quand même un budget récurrent.

## Décisions

1. Publier un gabarit de budget commenté, à joindre aux demandes de financement : Camille et Philippe.
2. Dernière rencontre financée en septembre, sur l’intelligence artificielle; le bilan suivra.

## Suivis

- [x] Camille et Philippe : [[Budgéter un projet numérique : gabarit commenté]].
- [ ] Carole : documenter le coût de la connectivité en région éloignée.
`),
	summary: summary("Rencontre 7 — 13 mai 2026 : résumé",
		"Financer la transformation numérique : prévoir la formation et la maintenance, compter les heures d’accompagnement, penser sur trois ans.",
		usualWriters, []string{tagFinance, tagPhilan, tagNumerique}, `
Septième rencontre de la communauté de pratique, sur le financement de la transformation numérique des organismes.

## Ce que nous avons retenu

- La grande majorité des demandes de financement à volet numérique ne prévoient ni formation ni maintenance; l’équipement acheté sans accompagnement reste souvent inutilisé.
- Un accompagnement réaliste demande une quarantaine d’heures sur un an pour un organisme de cinq personnes.
- En région éloignée, la connectivité coûte souvent plus cher que les logiciels.
- Des bailleurs de fonds acceptent désormais des projets sur trois ans, dont la moitié du budget peut aller à l’accompagnement.
- Les entreprises d’[[Économie sociale]] du numérique (coopératives de services et d’hébergement) facturent à prix coûtant mais demandent un budget récurrent.

## Ressource

Le gabarit [[Budgéter un projet numérique : gabarit commenté]], à joindre aux demandes de financement. Commencer par un [[Diagnostic numérique]] aide à le remplir.
`),
	resources: []noteSpec{
		resource("Budgéter un projet numérique : gabarit commenté",
			"Les postes à prévoir dans le budget d’un projet numérique sur trois ans, avec les proportions observées par les membres de la communauté.",
			[]string{demoFirst + " " + demoLast, "Philippe Bélanger"}, []string{tagFinance, tagNumerique, tagPhilan}, `
Ce gabarit s’appuie sur les projets accompagnés par les membres de la communauté de pratique. Les proportions sont indicatives.

| Poste | Exemples | Part du budget | À ne pas oublier |
|---|---|---:|---|
| Diagnostic et planification | rencontre d’équipe, plan de priorités | 5 % | le temps de l’équipe |
| Équipement | ordinateurs reconditionnés, tablettes | 15 % | le remplacement dans quatre ou cinq ans |
| Logiciels et hébergement | abonnements, hébergement coopératif | 15 % | les frais récurrents des années 2 et 3 |
| Accompagnement | heures d’une coopérative ou d’un OBNL spécialisé | 35 % | environ 40 heures la première année |
| Formation | ateliers pour l’équipe et les bénévoles | 20 % | les nouvelles personnes, chaque année |
| Maintenance et sécurité | mises à jour, sauvegardes, audits | 10 % | le test de restauration |

## Conseils pour la demande

- Présenter le projet sur trois ans, même si le financement est annuel.
- Joindre le résultat de la [[Grille d’autodiagnostic numérique]].
- Nommer la personne « championne » dans l’équipe et le temps qu’elle y consacrera.
`),
	},
}

var meeting8 = meeting{
	minute: minute("Rencontre 8 — 16 septembre 2026 : compte rendu", usualWriters, `
**Date** : mercredi 16 septembre 2026, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : Camille Tremblay-Roy · **Prise de notes** : Amina Benali

**Présences (15)** : Camille Tremblay-Roy, Amina Benali, Nadia Diallo, Sophie Lavoie, Karim Haddad, Noé Petit, Geneviève Côté, Yasmine Belkacem, Léa Chen, Roseline Pierre-Louis, Omar El Amrani, Noémie Awashish, Mathis Leblanc, Philippe Bélanger, Isabelle Pelletier.

## 1. L’intelligence artificielle générative dans les organismes

- @{Isabelle Pelletier} : un tiers des organismes de l’enquête de la chaire utilisent déjà un outil d’IA générative, surtout pour rédiger des demandes de subvention; très peu en ont parlé en équipe.
- @{Noé Petit} : le principal risque est de coller dans un outil en ligne des renseignements sur les personnes accompagnées.
- Roseline : à Saint-Michel, la traduction automatique aide vraiment avec les familles, mais les intervenant·es vérifient toujours avec la personne.
- Karim : des modèles libres peuvent fonctionner sur un ordinateur de l’organisme, sans envoyer de données à l’extérieur; c’est encore exigeant.

## 2. La suite de la communauté

Philippe confirme que le financement de l’animation se termine en décembre 2026. Trois scénarios sont évoqués :

1. clore la communauté et laisser ses carnets en héritage;
2. continuer de façon autonome, avec une animation tournante;
3. devenir un groupe de travail de la communauté « Numériques et données ».

Plusieurs personnes tiennent à la continuité (Roseline, Noémie, Léa); Sophie propose une formule plus légère.

## Décisions

1. Publier des balises pour l’usage de l’IA générative : Amina, Isabelle et Noé.
2. Une neuvième rencontre, en décembre, sera consacrée au bilan et au choix d’un scénario.
3. Amina prépare une base de connaissances qui réunit tous les carnets de la communauté.

## Suivis

- [x] Amina, Isabelle et Noé : [[Balises pour l’usage de l’IA générative dans un organisme]].
- [ ] Camille et Nadia : préparer les scénarios pour la rencontre de bilan.
`),
	summary: summary("Rencontre 8 — 16 septembre 2026 : résumé",
		"L’intelligence artificielle générative dans les organismes : des usages réels, des risques pour les renseignements personnels, le besoin d’en parler en équipe.",
		usualWriters, []string{tagNumerique, tagCyber, tagRecherche}, `
Huitième rencontre de la communauté de pratique, sur l’intelligence artificielle générative, et premier échange sur l’avenir de la communauté.

## Ce que nous avons retenu

- Beaucoup d’organismes utilisent déjà des outils d’IA générative, surtout pour rédiger; rares sont ceux qui en ont discuté en équipe.
- Le risque principal : confier à un outil en ligne des renseignements sur les personnes accompagnées.
- La traduction automatique rend des services réels auprès des familles nouvellement arrivées, à condition de vérifier avec la personne.
- Des solutions libres existent, qui gardent les données dans l’organisme, mais elles restent exigeantes.

## Et après?

Le financement de l’animation se termine en décembre 2026. La [[Communauté de pratique]] choisira à sa rencontre de bilan entre clore, continuer de façon autonome ou rejoindre « Numériques et données ». Dans tous les cas, ses carnets resteront publics : c’est le sens du [[Transfert de connaissances]] que nous avons pratiqué.

## Ressource

[[Balises pour l’usage de l’IA générative dans un organisme]]
`),
	resources: []noteSpec{
		resource("Balises pour l’usage de l’IA générative dans un organisme",
			"Des balises simples pour discuter en équipe de l’usage des outils d’intelligence artificielle générative et éviter les principaux risques.",
			[]string{"Amina Benali", "Isabelle Pelletier", "Noé Petit"}, []string{tagNumerique, tagCyber, tagGouv}, `
Ces balises sont un point de départ pour une discussion d’équipe, pas une politique toute faite.

## Ce qu’on ne fait jamais

- [ ] Coller le nom, la situation ou les coordonnées d’une personne accompagnée dans un outil en ligne.
- [ ] Publier un texte généré sans l’avoir relu et corrigé.
- [ ] Laisser un outil prendre une décision qui concerne une personne.

## Ce qu’on décide en équipe

- [ ] Quels outils sont permis, pour quels usages (rédaction, traduction, résumé)?
- [ ] Qui est la personne de référence pour les questions?
- [ ] Comment on le dit aux personnes concernées quand un texte a été traduit ou rédigé avec un outil?

## Usages raisonnables, selon les membres

| Usage | Prudence |
|---|---|
| Premier jet d’une demande de financement | relire, vérifier chaque chiffre |
| Traduction d’un message pour une famille | vérifier avec la personne, sans données personnelles |
| Résumé d’un long document public | comparer avec l’original |

Voir aussi l’[[Aide-mémoire — renseignements personnels dans les organismes]].
`),
	},
}
