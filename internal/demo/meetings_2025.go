package demo

// The meetings of 2025: launch, digital assessment, cybersecurity, free
// software.

var meeting1 = meeting{
	minute: minute("Rencontre 1 — 12 mars 2025 : compte rendu", usualWriters, `
**Date** : mercredi 12 mars 2025, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : @{Camille Tremblay-Roy} · **Prise de notes** : @{Amina Benali}

**Présences (17)** : Camille Tremblay-Roy, Amina Benali, Nadia Diallo, Sophie Lavoie, Karim Haddad, Noé Petit, Marie-Ève Gagnon, Samuel Joseph, Geneviève Côté, Mathis Leblanc, Étienne Fortin, Yasmine Belkacem, Léa Chen, Roseline Pierre-Louis, Josée Lapointe, Omar El Amrani, Philippe Bélanger.
**Absences motivées** : Noémie Awashish, Carole Mercier, Isabelle Pelletier.

## 1. Tour de table

Chaque personne a présenté son organisation et une situation d’accompagnement récente.

- **Sophie** (Code commun) : les organismes arrivent presque toujours « en crise » — un ordinateur volé, une boîte courriel piratée — rarement avec un projet.
- **Josée** (Garde-manger du quartier) : « On n’a pas le temps d’apprendre un outil. Il faut que ça marche du premier coup pour les bénévoles. »
- **Étienne** (Nuage boréal) : en région, la question de l’hébergement des données se pose autrement; la proximité rassure.
- **Omar** (Centre d’accueil de Laval) : les familles qu’il accompagne vivent la numérisation des services publics bien avant les organismes.
- **Philippe** (Fondation Horizon solidaire) : la fondation reçoit de plus en plus de demandes d’équipement sans volet formation.

## 2. Mandat

Camille a présenté le projet de [[Mandat de la communauté de pratique]] envoyé avec l’invitation.

- Nadia rappelle que le ROIN a porté la demande : la communauté doit rester au service des praticien·nes, pas d’un livrable.
- Philippe précise que le financement couvre l’animation jusqu’en décembre 2026; la fondation n’attend pas de rapport formel, seulement les résumés publics.
- Roseline demande qu’on réserve, à chaque rencontre, un temps aux besoins des groupes communautaires et pas seulement aux personnes qui les accompagnent. Accepté.

## 3. Fonctionnement

- Rencontres de deux heures aux deux mois, le mercredi après-midi, en visioconférence.
- Entre les rencontres : la communauté privée sur Maillage.
- Pour chaque rencontre : ce compte rendu détaillé (privé), un résumé public sous licence CC BY 4.0 et les ressources partagées, relayés dans « Numériques et données ».
- Personne n’est nommé dans les résumés publics sans son accord.

## 4. Thèmes

Les résultats du sondage de lancement sont dans le [[Portrait des pratiques d’accompagnement numérique]]. Discussion vive sur l’intelligence artificielle : Karim et Noé pensent que c’est trop tôt, Léa qu’il faudra y venir. On le garde pour plus tard.

## Décisions

1. Le mandat est adopté avec l’ajout proposé par Roseline.
2. Amina prend les notes; Nadia la remplace au besoin et coanime.
3. Ordre des thèmes : diagnostic (mai), cybersécurité (septembre), logiciels libres (novembre), littératie (janvier), données (mars), financement (mai).

## Suivis

- [x] Camille : envoyer le mandat final et le calendrier.
- [x] Amina : ouvrir la communauté privée et y ajouter tout le monde.
- [ ] Samuel et Marie-Ève : présenter leur grille de diagnostic le 14 mai.
`),
	summary: summary("Rencontre 1 — 12 mars 2025 : résumé",
		"Lancement de la communauté de pratique : ce que vivent les organismes, comment nous fonctionnons et les thèmes des rencontres à venir.",
		usualWriters, []string{tagNumerique, tagMobConn}, `
Une vingtaine de personnes qui accompagnent les organismes communautaires dans leur transformation numérique — accompagnateur·rices, groupes communautaires, une fondation et une chercheuse — ont lancé leur [[Communauté de pratique]].

## Ce que nous avons retenu

- Les organismes arrivent rarement avec un projet numérique : ils arrivent avec un problème urgent. L’accompagnement commence par le dépannage, puis par la confiance.
- Le temps des équipes et des bénévoles est une contrainte plus forte que l’argent.
- La proximité compte : un accompagnement qui connaît la région et le milieu est mieux reçu.
- Les demandes d’équipement sans volet formation sont fréquentes et donnent peu de résultats.

## Comment nous fonctionnons

Rencontres de deux heures aux deux mois, échanges entre les rencontres dans une communauté privée, et pour chaque rencontre un résumé public et des ressources, rangés dans un [[Carnet]] et relayés dans la communauté « Numériques et données ». Le [[Mandat de la communauté de pratique]] décrit nos intentions; le [[Portrait des pratiques d’accompagnement numérique]] dit qui nous sommes.

## Prochaine rencontre

Le 14 mai 2025, sur le [[Diagnostic numérique]] des organismes.
`),
	resources: []noteSpec{
		resource(mandateTitle,
			"Le mandat adopté le 12 mars 2025 : intention, questions, fonctionnement, rôles et durée de la communauté de pratique.",
			[]string{demoFirst + " " + demoLast, "Nadia Diallo", "Amina Benali"}, []string{tagNumerique, tagMobConn, tagInclusion}, `
## Intention

Réunir les personnes qui accompagnent les organismes communautaires dans leur transformation numérique pour **échanger sur nos pratiques**, documenter ce qui fonctionne et ce qui ne fonctionne pas, et **rendre publics les apprentissages** utiles au milieu.

## Questions que nous voulons aborder

- Comment commencer avec un organisme qui n’a ni temps ni budget?
- Comment sécuriser sans décourager?
- Quels outils recommander, et à quelles conditions?
- Comment faire en sorte que les personnes rejointes par les organismes ne soient pas laissées pour compte?

## Qui participe

Des accompagnateur·rices (coopératives et OBNL de services technologiques), des organismes communautaires, un réseau, une fondation et une chaire de recherche. La communauté est privée; ses résumés et ressources sont publics.

## Rôles

| Rôle | Personne | Responsabilités |
|---|---|---|
| Animation | Camille Tremblay-Roy (Relais savoirs) | ordre du jour, animation, suivis |
| Coanimation | Nadia Diallo (ROIN) | lien avec les groupes, remplacement à l’animation |
| Prise de notes | Amina Benali (Relais savoirs) | compte rendu, résumé, relais des ressources |
| Participant·es | toutes et tous | partager des situations, des outils et des questions |

## Durée et héritage

Le financement de l’animation court jusqu’en décembre 2026. Quoi qu’il arrive ensuite, les carnets de la communauté resteront publics sous licence CC BY 4.0.
`),
		resource("Portrait des pratiques d’accompagnement numérique",
			"Qui sont les membres de la communauté de pratique, qui accompagnent-ils et quels thèmes veulent-ils aborder : les résultats du sondage de lancement.",
			usualWriters, []string{tagNumerique, tagRecherche}, `
Sondage rempli par 17 personnes avant la première rencontre, en mars 2025.

## Qui nous sommes

- 9 personnes travaillent dans une coopérative ou un OBNL de services technologiques ou d’accompagnement numérique;
- 5 représentent des groupes communautaires;
- 1 travaille pour un réseau, 1 pour une fondation, 1 pour une chaire de recherche.

## Les thèmes souhaités

| Thème | Votes (sur 17) | Rang |
|---|---:|---:|
| Diagnostic numérique | 13 | 1 |
| Cybersécurité | 12 | 2 |
| Logiciels libres et hébergement | 10 | 3 |
| Littératie numérique | 10 | 3 |
| Données et renseignements personnels | 9 | 5 |
| Financement | 8 | 6 |
| Intelligence artificielle | 4 | 7 |

## Ce qui ressort des commentaires

> « Je suis seule à faire ce travail dans ma région; j’ai besoin de savoir ce que les autres font. »

> « On nous demande de tout numériser, mais personne ne finance la formation. »

Voir le [[Diagnostic numérique]] et la [[Littératie numérique]] dans le lexique.
`),
	},
}

var meeting2 = meeting{
	minute: minute("Rencontre 2 — 14 mai 2025 : compte rendu", usualWriters, `
**Date** : mercredi 14 mai 2025, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : Camille Tremblay-Roy · **Prise de notes** : Amina Benali

**Présences (16)** : Camille Tremblay-Roy, Amina Benali, Nadia Diallo, Sophie Lavoie, Karim Haddad, Marie-Ève Gagnon, Samuel Joseph, Geneviève Côté, Mathis Leblanc, Étienne Fortin, Léa Chen, Roseline Pierre-Louis, Josée Lapointe, Noémie Awashish, Carole Mercier, Isabelle Pelletier.
Première rencontre pour Carole Mercier (Jamésie) et Isabelle Pelletier; Carole a suivi sans caméra à cause de la bande passante.

## 1. Présentation : le diagnostic chez Connexions communautaires

@{Samuel Joseph} et @{Marie-Ève Gagnon} ont présenté leur démarche, rodée auprès d’une trentaine d’organismes de la Capitale-Nationale :

- une rencontre de deux heures avec l’équipe, jamais avec la direction seule;
- six dimensions, chacune notée de 1 à 3 par l’équipe elle-même;
- un plan de trois priorités au maximum, dont une réalisable en un mois.

Marie-Ève : « Si le diagnostic finit par une liste d’achats, on a raté notre coup. »

## 2. Témoignage : l’équipement

Geneviève (Atelier numérique de l’Estrie) : la moitié des ordinateurs qu’elle reçoit des organismes pour recyclage auraient pu servir encore cinq ans avec un système à jour. Elle propose d’ajouter l’âge et l’état des appareils à la grille.

## 3. Discussion

- Josée : au Garde-manger, personne ne saurait dire combien de comptes existent ni qui a les mots de passe. Samuel : c’est le cas de presque tous les organismes au premier diagnostic.
- Carole : en Jamésie, la connexion est la première contrainte; une grille qui suppose une bonne connexion passe à côté.
- Isabelle : la recherche montre que l’autodiagnostic fait en équipe augmente l’adhésion aux changements.

## Décisions

1. Construire ensemble une grille d’autodiagnostic ouverte, à partir de celle de Connexions, sous licence CC BY 4.0.
2. La tester dans trois organismes d’ici septembre : Garde-manger du quartier, Maison de quartier Saint-Michel, Carrefour communautaire de la Jamésie.

## Suivis

- [x] Samuel et Marie-Ève : publier la [[Grille d’autodiagnostic numérique]].
- [ ] Josée, Roseline et Carole : faire l’essai et en parler en septembre.
- [ ] Yasmine et Noé : préparer la rencontre sur la cybersécurité.
`),
	summary: summary("Rencontre 2 — 14 mai 2025 : résumé",
		"Le diagnostic numérique d’un organisme : le faire avec l’équipe, en six dimensions, pour en tirer trois priorités au plus.",
		usualWriters, []string{tagNumerique, tagLitteratie}, `
Deuxième rencontre de la communauté de pratique, consacrée au [[Diagnostic numérique]]. Suite de la [[Rencontre 1 — 12 mars 2025 : résumé|rencontre de lancement]].

## Ce que nous avons retenu

1. **Le diagnostic se fait avec l’équipe**, pas avec la direction seule : c’est ce qui donne envie de changer.
2. **Six dimensions suffisent** : équipements, communication, gestion, collaboration, compétences, sécurité.
3. **Trois priorités au maximum**, dont une réalisable en un mois pour créer un premier succès.
4. Un diagnostic qui se termine par une liste d’achats est raté : l’équipement sans [[Littératie numérique]] finit dans un tiroir.
5. Les réalités régionales comptent : une connexion lente change tout le reste.

## Ressource

La communauté a adapté et publié une [[Grille d’autodiagnostic numérique]] que tout organisme peut utiliser seul, en équipe, en une rencontre.
`),
	resources: []noteSpec{
		resource("Grille d’autodiagnostic numérique",
			"Une grille en six dimensions pour que l’équipe d’un organisme fasse elle-même le portrait de sa situation numérique et choisisse ses priorités.",
			[]string{"Samuel Joseph", "Marie-Ève Gagnon", "Amina Benali"}, []string{tagNumerique, tagLitteratie, tagCyber}, `
Adaptée de la démarche de Connexions communautaires par la communauté de pratique. Prévoir **deux heures**, toute l’équipe (bénévoles compris si possible) et une personne pour animer.

## Comment faire

1. Pour chaque dimension, lire les trois niveaux à voix haute.
2. L’équipe choisit le niveau qui lui ressemble le plus aujourd’hui — pas celui qu’elle souhaite.
3. Choisir ensuite **trois priorités au maximum**, dont une réalisable en un mois.

## La grille

| Dimension | Niveau 1 | Niveau 2 | Niveau 3 |
|---|---|---|---|
| Équipements | appareils personnels, âge inconnu | appareils de l’organisme, inventaire partiel | inventaire à jour, remplacement planifié |
| Communication | courriels personnels | adresses de l’organisme | adresses et agenda partagés |
| Gestion | papier et mémoire | tableurs dispersés | outil partagé, une seule source |
| Collaboration | pièces jointes par courriel | dossier partagé | documents partagés et rangés |
| Compétences | une personne « qui s’y connaît » | quelques personnes à l’aise | formation prévue pour les nouvelles personnes |
| Sécurité | mots de passe partagés | gestionnaire de mots de passe | sauvegardes testées, accès retirés aux départs |

Le fichier joint reprend la grille pour la remplir à l’écran. Pour la sécurité, poursuivre avec la [[Liste de vérification — cybersécurité de base]].
`, demoFile{name: "grille-autodiagnostic.csv", content: gridCSV}),
	},
}

// gridCSV is the assessment grid as a spreadsheet people fill in.
const gridCSV = "Dimension;Niveau 1;Niveau 2;Niveau 3;Notre niveau;Priorité\n" +
	"Équipements;appareils personnels, âge inconnu;appareils de l’organisme, inventaire partiel;inventaire à jour, remplacement planifié;;\n" +
	"Communication;courriels personnels;adresses de l’organisme;adresses et agenda partagés;;\n" +
	"Gestion;papier et mémoire;tableurs dispersés;outil partagé, une seule source;;\n" +
	"Collaboration;pièces jointes par courriel;dossier partagé;documents partagés et rangés;;\n" +
	"Compétences;une personne « qui s’y connaît »;quelques personnes à l’aise;formation prévue pour les nouvelles personnes;;\n" +
	"Sécurité;mots de passe partagés;gestionnaire de mots de passe;sauvegardes testées, accès retirés aux départs;;\n"

var meeting3 = meeting{
	minute: minute("Rencontre 3 — 10 septembre 2025 : compte rendu", usualWriters, `
**Date** : mercredi 10 septembre 2025, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : Camille Tremblay-Roy · **Prise de notes** : Amina Benali

**Présences (15)** : Camille Tremblay-Roy, Amina Benali, Nadia Diallo, Karim Haddad, Noé Petit, Samuel Joseph, Mathis Leblanc, Yasmine Belkacem, Léa Chen, Roseline Pierre-Louis, Josée Lapointe, Omar El Amrani, Noémie Awashish, Carole Mercier, Philippe Bélanger.

## 1. Retour sur la grille de diagnostic

Josée, Roseline et Carole ont fait l’essai. Josée : « Ça nous a pris deux heures et c’est la première fois que toute l’équipe parlait d’informatique sans se chicaner. » Carole propose de reformuler les niveaux pour qu’on puisse les lire à voix haute; Samuel s’en charge.

## 2. Présentation : les cinq incidents les plus fréquents

@{Yasmine Belkacem} (Carrefour cybersécurité OBNL) a présenté les incidents qu’elle voit le plus :

1. l’hameçonnage qui mène au piratage de la boîte courriel de la direction;
2. les comptes partagés par toute l’équipe, avec le même mot de passe depuis des années;
3. l’absence de sauvegarde, découverte le jour où le disque lâche;
4. les ordinateurs personnels des bénévoles, sans mise à jour;
5. les personnes parties depuis des mois qui ont encore accès à tout.

## 3. Présentation : l’authentification à deux facteurs sans douleur

@{Noé Petit} a montré comment l’activer en 15 minutes pour une petite équipe, et comment gérer les bénévoles qui n’ont pas de téléphone intelligent (clés physiques, codes de secours imprimés).

## 4. Discussion

- Josée avoue que le mot de passe de la boîte commune est sur un papillon collé à l’écran. Rires, puis Yasmine : « C’est moins grave qu’un mot de passe réutilisé partout. »
- Karim : la sauvegarde est le point le plus négligé et le plus facile à régler; il propose un modèle de politique.
- Philippe : la fondation pourrait financer des audits légers si la demande vient de plusieurs organismes.

## Décisions

1. Publier une liste de vérification courte, réalisable sans spécialiste : Noé et Yasmine.
2. Publier un modèle de politique de sauvegarde : Karim.

## Suivis

- [x] Noé et Yasmine : [[Liste de vérification — cybersécurité de base]].
- [x] Karim : [[Modèle de politique de sauvegarde]].
- [ ] Philippe : vérifier l’intérêt de la fondation pour des audits groupés.
`),
	summary: summary("Rencontre 3 — 10 septembre 2025 : résumé",
		"La cybersécurité dans les petites équipes : les cinq incidents les plus fréquents et les gestes simples qui les évitent.",
		usualWriters, []string{tagCyber, tagNumerique}, `
Troisième rencontre de la communauté de pratique, sur la cybersécurité des organismes communautaires.

## Les cinq incidents les plus fréquents

1. l’hameçonnage qui mène au piratage d’une boîte courriel;
2. les comptes partagés par toute l’équipe;
3. l’absence de sauvegarde;
4. les ordinateurs personnels des bénévoles, jamais mis à jour;
5. les accès qui restent ouverts après le départ d’une personne.

## Ce que nous avons retenu

- La sécurité est d’abord une affaire d’habitudes d’équipe, pas d’outils coûteux : c’est un volet de la [[Littératie numérique]].
- L’authentification à deux facteurs s’active en quinze minutes; il existe des solutions pour les personnes sans téléphone intelligent.
- La sauvegarde est le geste le plus négligé et le plus facile à régler.
- Un organisme qui a fait son [[Diagnostic numérique]] sait déjà où sont ses points faibles.

## Ressources

- [[Liste de vérification — cybersécurité de base]]
- [[Modèle de politique de sauvegarde]]
`),
	resources: []noteSpec{
		resource("Liste de vérification — cybersécurité de base",
			"Dix gestes de sécurité qu’une petite équipe peut faire elle-même, sans spécialiste, en un mois.",
			[]string{"Noé Petit", "Yasmine Belkacem"}, []string{tagCyber, tagLitteratie}, `
À cocher en équipe. Chaque geste prend moins d’une heure.

## Les comptes

- [ ] Chaque personne a son propre compte (pas de compte partagé « info@ » pour tout le monde).
- [ ] L’authentification à deux facteurs est activée sur la messagerie et les documents partagés.
- [ ] Les mots de passe sont dans un gestionnaire de mots de passe, pas sur des papillons.
- [ ] La liste des accès est à jour; les accès sont retirés le jour du départ d’une personne.

## Les appareils

- [ ] Les mises à jour automatiques sont activées sur tous les ordinateurs et téléphones de l’organisme.
- [ ] Les bénévoles qui utilisent leur ordinateur personnel savent faire les mises à jour.
- [ ] Les ordinateurs portables sont chiffrés.

## Les données

- [ ] Les données importantes sont sauvegardées automatiquement, dont une copie hors des locaux (voir le [[Modèle de politique de sauvegarde]]).
- [ ] Une restauration a été testée dans les six derniers mois.

## Les personnes

- [ ] Toute l’équipe sait reconnaître un courriel d’hameçonnage et à qui le signaler.

Besoin d’aide? Voir la fiche [[Carrefour cybersécurité OBNL — services aux organismes]].
`),
		resource("Modèle de politique de sauvegarde",
			"Un modèle d’une page à adapter pour décider quoi sauvegarder, où, à quelle fréquence et qui vérifie.",
			[]string{"Karim Haddad"}, []string{tagCyber, tagLibres}, `
Une politique de sauvegarde tient sur une page. Elle suit la **règle 3-2-1** : trois copies des données, sur deux supports différents, dont une hors des locaux.

## Modèle à remplir

| Quoi | Où est l’original | Copie 1 | Copie 2 (hors des locaux) | Fréquence | Qui vérifie |
|---|---|---|---|---|---|
| Documents partagés | serveur de fichiers ou Nextcloud | disque externe au bureau | hébergeur au Québec | chaque nuit | coordination |
| Courriels | fournisseur de messagerie | exportation mensuelle | hébergeur au Québec | chaque mois | coordination |
| Base de membres | logiciel de gestion | exportation CSV | hébergeur au Québec | chaque semaine | responsable des membres |
| Comptabilité | logiciel comptable | copie du fichier | disque chiffré chez la trésorerie | chaque mois | trésorerie |

## À décider en équipe

- Combien de temps garde-t-on les anciennes copies?
- Qui fait le test de restauration, et quand? (Au moins deux fois par année.)
- Que fait-on si la personne responsable part?

Conseil : une sauvegarde qui n’a jamais été restaurée n’est pas une sauvegarde.
`),
	},
}

var meeting4 = meeting{
	minute: minute("Rencontre 4 — 12 novembre 2025 : compte rendu", usualWriters, `
**Date** : mercredi 12 novembre 2025, de 13 h 30 à 15 h 30, en visioconférence
**Animation** : Camille Tremblay-Roy · **Prise de notes** : Amina Benali

**Présences (16)** : Camille Tremblay-Roy, Amina Benali, Nadia Diallo, Sophie Lavoie, Karim Haddad, Noé Petit, Marie-Ève Gagnon, Geneviève Côté, Étienne Fortin, Yasmine Belkacem, Léa Chen, Josée Lapointe, Omar El Amrani, Carole Mercier, Philippe Bélanger, Isabelle Pelletier.

## 1. Présentation : une migration vers des outils libres

@{Sophie Lavoie} et @{Karim Haddad} (Code commun) ont raconté la migration d’une épicerie solidaire de Verdun : messagerie, documents partagés et agenda passés vers Nextcloud en trois mois. Ce qui a marché : une personne « championne » dans l’équipe, une formation par petits groupes, l’ancien système gardé en lecture pendant deux mois.

## 2. Présentation : héberger chez soi, en région

@{Étienne Fortin} (Nuage boréal) a présenté le modèle coopératif : les organismes sont membres, les données restent au Saguenay, les décisions se prennent en assemblée. Voir [[Coop Nuage boréal — hébergement régional]].

## 3. Discussion

- Omar : les licences gratuites offertes aux OBNL par les grandes entreprises sont tentantes. Sophie : « Gratuit n’est pas libre. » Débat animé; pas de consensus, mais accord sur le fait qu’il faut connaître les conditions de sortie avant d’adopter un outil.
- Philippe : les fondations financent le déploiement, presque jamais la maintenance. Il souhaite que la communauté documente le coût réel sur trois ans.
- Karim s’inquiète de la pérennité des petits logiciels libres maintenus par une seule personne, comme Adhérents ([[Hamza Ouali]]).
- Isabelle : peu de recherche existe sur le coût total des outils dans les organismes; elle propose un projet avec la chaire.

## Décisions

1. Publier un comparatif d’outils libres pour les besoins courants : Karim et Sophie.
2. Le financement de la maintenance sera abordé à la rencontre sur le financement (mai 2026).

## Suivis

- [x] Karim et Sophie : [[Comparatif d’outils libres pour les organismes]].
- [ ] Isabelle : esquisser un projet de recherche sur le coût total des outils.
`),
	summary: summary("Rencontre 4 — 12 novembre 2025 : résumé",
		"Logiciels libres et hébergement : reprendre le contrôle de ses outils, à quelles conditions et à quel coût.",
		usualWriters, []string{tagLibres, tagNumerique, tagDevLocal}, `
Quatrième rencontre de la communauté de pratique, sur le [[Logiciel libre]] et l’hébergement des données des organismes.

## Ce que nous avons retenu

- **Gratuit n’est pas libre** : avant d’adopter un outil, il faut connaître les conditions pour en sortir.
- Une migration réussie repose sur une personne « championne » dans l’équipe, une formation par petits groupes et un retour en arrière possible.
- Des coopératives régionales offrent un hébergement de proximité qui répond à la question de la [[Souveraineté numérique]].
- Les fondations financent le déploiement mais rarement la maintenance : c’est pourtant là que se joue la durée.
- Plusieurs logiciels libres utiles aux OBNL reposent sur une seule personne bénévole; il faut trouver des façons de les soutenir.

## Ressource

Le [[Comparatif d’outils libres pour les organismes]] présente les outils que les membres recommandent pour les besoins courants.
`),
	resources: []noteSpec{
		resource("Comparatif d’outils libres pour les organismes",
			"Les outils libres que les membres de la communauté recommandent pour les besoins courants d’un organisme, avec leur niveau de difficulté.",
			[]string{"Karim Haddad", "Sophie Lavoie"}, []string{tagLibres, tagNumerique}, `
Ce tableau reflète l’expérience des membres de la communauté de pratique en 2025. « Difficulté » tient compte de l’installation **et** de l’appropriation par l’équipe.

| Besoin | Outil libre | Hébergement | Difficulté | Remarques |
|---|---|---|---|---|
| Documents et agenda partagés | Nextcloud | coopérative ou hébergeur | moyenne | la meilleure porte d’entrée |
| Visioconférence | Jitsi Meet | instance publique ou hébergée | faible | suffisant jusqu’à 20 personnes |
| Bureautique | LibreOffice | sur chaque poste | faible | prévoir une heure de formation |
| Courriel | Thunderbird | sur chaque poste | faible | avec une messagerie de l’organisme |
| Mots de passe | KeePassXC | sur chaque poste | faible | une base par équipe |
| Membres et dons | CiviCRM | hébergeur | élevée | puissant, demande un accompagnement |
| Formulaires | LimeSurvey | hébergeur | moyenne | pour les sondages et les inscriptions |

## Avant de choisir

1. Faire son [[Diagnostic numérique]] pour connaître ses vrais besoins.
2. Vérifier qui hébergera et qui fera les mises à jour.
3. Prévoir le temps de formation et la maintenance au budget.

Voir aussi : [[Logiciel libre]], [[Souveraineté numérique]].
`),
	},
}
