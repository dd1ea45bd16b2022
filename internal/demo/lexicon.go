package demo

import "github.com/maillage/maillage/internal/maillage"

// Categories of the lexicon.
const (
	catNumeric  = "Numérique"
	catPractice = "Pratiques collaboratives"
	catESS      = "Économie sociale et solidaire"
	catPlatform = "Maillage"
)

// term is a public lexicon entry of the community of practice.
func term(title, definition, category string, authors []string, tags []string, body string) noteSpec {
	return noteSpec{title: title, summary: definition, body: body, kind: maillage.NoteTerm,
		visibility: maillage.VisibilityPublic, authors: authors, tags: tags, community: cdpName, category: category}
}

// lexicon lists the terms, in the order they are written.
var lexicon = []noteSpec{
	term("Communauté de pratique",
		"Groupe de personnes qui partagent une pratique professionnelle et se réunissent régulièrement pour apprendre les unes des autres.",
		catPractice, []string{"Isabelle Pelletier", "Camille Tremblay-Roy"}, []string{tagMobConn, tagESS}, `
Une communauté de pratique (CdP) réunit des praticien·nes autour d’une même pratique — ici, l’accompagnement des organismes communautaires dans leur transformation numérique. Elle se distingue :

- **d’un comité**, parce qu’elle n’a pas de livrable imposé : ce qu’elle produit vient des besoins de ses membres;
- **d’une série de conférences**, parce que chaque personne y apporte des situations réelles et repart avec des idées pour sa propre pratique;
- **d’un réseau**, parce qu’elle se donne un rythme et une durée.

Une CdP vit de son [[Animation]] et de la circulation des savoirs entre ses membres (voir [[Transfert de connaissances]]). Elle gagne à rendre publics ses apprentissages : résumés, guides, lexique.

> « Dans ma conception, une communauté de pratique est portée par les praticien·nes, et non par un organisme qui a identifié un besoin. » — propos entendu lors du bilan de mi-parcours

Voir aussi le [[Mandat de la communauté de pratique]].
`),
	term("Animation",
		"Ensemble des tâches qui font vivre une communauté : préparer, faciliter les échanges, relancer et garder la mémoire.",
		catPractice, []string{"Camille Tremblay-Roy"}, []string{tagMobConn, tagEducPop}, `
Dans une [[Communauté de pratique]], l’animation ne se limite pas à la rencontre. Elle comprend :

1. **Avant** : fixer l’ordre du jour avec les membres, inviter les personnes qui présentent, envoyer les documents;
2. **Pendant** : donner la parole aux personnes qui la prennent moins, tenir le temps, faire ressortir les décisions;
3. **Après** : publier le résumé, relancer les suivis, faire vivre les échanges entre les rencontres.

L’animation peut être partagée : une personne anime, une autre prend les notes, une troisième prépare le thème. C’est ce qui permet à une communauté de survivre à la fin d’un financement.
`),
	term("Transfert de connaissances",
		"Démarche qui fait circuler des savoirs entre les personnes qui les produisent et celles qui peuvent s’en servir.",
		catPractice, []string{"Amina Benali", "Camille Tremblay-Roy"}, []string{tagMobConn, tagRecherche}, `
On parle aussi de **mobilisation des connaissances**. Le transfert ne va pas seulement de la recherche vers la pratique : les savoirs d’expérience des intervenant·es et des bénévoles sont tout aussi précieux.

Dans notre communauté, le transfert passe par :

- les résumés publics de chaque rencontre;
- les ressources rédigées à plusieurs (grilles, listes de vérification, guides);
- le relais de ces ressources dans les carnets des communautés thématiques, où d’autres organismes les trouvent.

Voir [[Communauté de pratique]] et [[Carnet]].
`),
	term("Littératie numérique",
		"Capacité à trouver, comprendre, évaluer et utiliser l’information et les outils numériques de façon autonome et critique.",
		catNumeric, []string{"Amina Benali", "Noémie Awashish"}, []string{tagLitteratie, tagEducPop}, `
La littératie numérique dépasse la maîtrise technique : savoir reconnaître un courriel frauduleux, juger la fiabilité d’une source ou comprendre ce qu’on accepte en cochant une case en font partie.

Elle concerne **les équipes** des organismes (employé·es, bénévoles, administrateur·rices) autant que **les personnes** qu’ils rejoignent. Les deux sont liées : une équipe à l’aise accompagne mieux.

Pour aller plus loin :

- [[Guide d’animation d’un atelier d’initiation au numérique]]
- [[Inclusion numérique]]
- le résumé de la [[Rencontre 5 — 14 janvier 2026 : résumé|rencontre sur la littératie numérique]]
`),
	term("Inclusion numérique",
		"Démarche qui vise à ce que personne ne soit privé de ses droits ou de services parce qu’il ou elle n’a pas accès au numérique ou ne s’y sent pas à l’aise.",
		catNumeric, []string{"Amina Benali", "Nadia Diallo"}, []string{tagInclusion, tagLitteratie}, `
L’inclusion numérique tient compte de trois dimensions :

| Dimension | Questions à se poser |
|---|---|
| **Accès** | La personne a-t-elle un appareil, une connexion fiable, un forfait suffisant? |
| **Compétences** | Sait-elle faire ce qu’on lui demande en ligne? Qui l’aide sinon? |
| **Confiance** | Se sent-elle en sécurité? Sait-elle à qui confier ses renseignements? |

Quand les services publics passent en ligne, la charge de l’accompagnement se déplace souvent vers les organismes communautaires. Voir [[Littératie numérique]].
`),
	term("Diagnostic numérique",
		"Portrait de la situation numérique d’un organisme — équipements, outils, compétences, sécurité — fait avec son équipe pour choisir ses priorités.",
		catNumeric, []string{"Samuel Joseph", "Marie-Ève Gagnon"}, []string{tagNumerique}, `
Un bon diagnostic se fait **avec** l’équipe, pas sur elle. Il prend une à trois heures et débouche sur deux ou trois priorités réalistes, pas sur une liste d’achats.

Il couvre habituellement :

- les équipements et leur âge;
- les outils de communication, de gestion et de collaboration;
- les compétences et l’aisance de l’équipe (voir [[Littératie numérique]]);
- la sécurité : sauvegardes, mots de passe, accès;
- les données que l’organisme recueille.

La [[Grille d’autodiagnostic numérique]] de la communauté de pratique permet de le faire soi-même.
`),
	term("Données ouvertes",
		"Données publiées dans un format réutilisable, sous une licence qui permet à quiconque de les utiliser, de les modifier et de les partager.",
		catNumeric, []string{"Léa Chen"}, []string{tagDonnees}, `
Pour être ouvertes, des données doivent être :

1. **accessibles** en ligne, gratuitement;
2. **lisibles par une machine** (un fichier CSV plutôt qu’un tableau dans un PDF);
3. **sous licence ouverte**, par exemple CC BY 4.0.

Les organismes communautaires s’en servent pour documenter les besoins de leur quartier (logement, transport, alimentation) et pour appuyer leurs demandes de financement. Ils peuvent aussi en publier, à condition de ne jamais exposer de renseignements personnels.

Voir [[Publier des données ouvertes en cinq étapes]] et l’[[Aide-mémoire — renseignements personnels dans les organismes]].
`),
	term("Logiciel libre",
		"Logiciel que chacun·e peut utiliser, étudier, modifier et redistribuer, parce que son code source est ouvert et sa licence le permet.",
		catNumeric, []string{"Sophie Lavoie", "Karim Haddad"}, []string{tagLibres}, `
**Libre n’est pas gratuit** — et gratuit n’est pas libre. Une licence gratuite offerte aux OBNL par une grande entreprise peut être retirée demain; un logiciel libre peut être hébergé par qui on veut, y compris par une coopérative de sa région.

Pour un organisme, le logiciel libre apporte :

- l’indépendance face aux changements de prix ou de conditions;
- la possibilité de faire héberger ses données au Québec (voir [[Souveraineté numérique]]);
- une communauté d’entraide.

Il demande en retour du temps d’installation, de maintenance et de formation, qu’il faut prévoir au budget. Voir le [[Comparatif d’outils libres pour les organismes]].
`),
	term("Souveraineté numérique",
		"Capacité d’un organisme ou d’une collectivité à décider où sont ses données, quels outils il utilise et à quelles conditions.",
		catNumeric, []string{"Karim Haddad", "Étienne Fortin"}, []string{tagLibres, tagDevLocal}, `
Pour un petit organisme, la souveraineté numérique se traduit par des questions simples :

- Où sont hébergées nos données? Sous quelles lois?
- Pouvons-nous les récupérer facilement si nous changeons d’outil?
- Qui peut couper notre accès, et avec quel préavis?

Les coopératives d’hébergement régionales, comme celle décrite dans la fiche [[Coop Nuage boréal — hébergement régional]], sont une réponse possible. Voir aussi [[Logiciel libre]].
`),
	term("Économie sociale",
		"Ensemble des entreprises collectives — coopératives, mutuelles, OBNL marchands — qui produisent des biens ou des services en répondant aux besoins de leurs membres ou de la collectivité, sous une gouvernance démocratique.",
		catESS, []string{"Camille Tremblay-Roy"}, []string{tagESS, tagGouv}, `
Au Québec, l’économie sociale est reconnue par la loi depuis 2013. Ses entreprises ont une finalité sociale, une gestion démocratique (une personne, un vote) et ne distribuent pas leurs surplus comme des profits.

On parle d’**économie sociale et solidaire** (ESS) pour y inclure l’action communautaire et les initiatives citoyennes qui partagent ces valeurs.

Plusieurs membres de notre [[Communauté de pratique]] sont des entreprises d’économie sociale du numérique : coopératives de services technologiques, d’hébergement ou de reconditionnement d’ordinateurs.
`),
	term("Carnet",
		"Dans Maillage, collection ordonnée de notes classées par catégories; une même note peut figurer dans plusieurs carnets.",
		catPlatform, []string{"Amina Benali"}, []string{tagMobConn}, `
Un carnet rassemble les notes d’un projet, d’une série de rencontres ou d’un thème. Chaque note garde sa propre visibilité : un compte rendu privé placé dans un carnet public reste visible de ses seul·es auteur·rices.

Dans notre communauté :

- le carnet des rencontres classe les comptes rendus, les résumés et les ressources;
- les ressources publiques sont aussi placées dans le carnet de la communauté « Numériques et données », ce qui prévient ses membres;
- les carnets sont réunis dans une base de connaissances.

Voir aussi [[Fiche personne]] et [[Transfert de connaissances]].
`),
	term("Fiche personne",
		"Note qui présente une personne importante dans un domaine, qu’elle soit ou non inscrite sur Maillage.",
		catPlatform, []string{"Amina Benali", "Camille Tremblay-Roy"}, []string{tagMobConn}, `
Trouver les personnes qui comptent sur un thème est souvent l’étape la plus difficile quand on lance une communauté. Une fiche personne permet de les faire connaître même si elles ne sont pas sur la plateforme : ce qu’elles font, ce qu’elles ont publié, comment les joindre.

Bonnes pratiques :

- n’y mettre que des informations publiques ou données avec l’accord de la personne;
- préférer la visibilité « communauté » pour les conseils de prise de contact;
- lier la fiche aux notes où la personne est citée.

Exemples : [[Mireille Ouimet]], [[Hamza Ouali]].
`),
}
