package search

// Word lists for the synthetic benchmark corpus.

// benchNouns are French nouns; plurals are derived.
const benchNouns = `
économie société communauté coopérative organisme association entreprise réseau projet initiative
mobilité transport vélo autobus train voiture marche trottoir quartier ville village région
territoire logement habitation loyer propriétaire locataire immeuble maison terrain bâtiment
chantier alimentation agriculture ferme jardin potager marché épicerie récolte semence cuisine repas
santé soin hôpital clinique médecin infirmière patient maladie prévention bien-être éducation école
université collège formation étudiant enseignant apprentissage cours atelier culture art musique
théâtre festival bibliothèque musée artiste spectacle patrimoine environnement climat énergie
carbone pollution déchet recyclage compost forêt rivière lac eau air transition solidarité inclusion
diversité égalité équité justice droit citoyen démocratie gouvernance conseil assemblée comité
membre bénévole employé travailleur personne famille enfant jeunesse aîné femme homme parent voisin
immigrant réfugié autochtone nation peuple emploi travail salaire revenu pauvreté richesse
financement subvention budget investissement fondation programme politique stratégie plan objectif
mission vision valeur principe recherche innovation technologie numérique données logiciel
plateforme outil internet application communication médias journal article rapport étude analyse
évaluation mesure indicateur partenariat collaboration concertation mobilisation participation
engagement action intervention service accompagnement soutien aide ressource réponse besoin demande
offre accès sécurité alimentaire itinérance insertion intégration accueil hébergement refuge centre
municipalité gouvernement ministère province pays monde québec montréal canada entrepreneuriat
commerce marchand consommateur produit production distribution achat vente prix circulaire réemploi
réparation partage prêt location échange troc développement durable croissance décroissance sobriété
résilience adaptation vulnérabilité risque rural urbain banlieue centre-ville périphérie campagne
montagne côte fleuve histoire mémoire avenir futur présent année mois semaine jour saison hiver été
automne printemps rencontre réunion événement colloque forum congrès conférence séminaire webinaire
pratique expérience savoir connaissance compétence expertise méthode approche modèle question
problème solution enjeu défi obstacle levier opportunité condition cause effet impact groupe équipe
collectif mouvement regroupement table fédération alliance coalition front charte règlement loi
norme règle cadre contrat entente accord convention protocole espace lieu local salle bureau parc
place rue route chemin pont relation lien contact voisinage proximité confiance respect dignité
reconnaissance social intervenant organisateur coordonnateur directeur gestionnaire animateur
agriculteur producteur artisan commerçant fournisseur client usager résident solaire éolien
hydroélectricité chauffage isolation rénovation efficacité consommation biodiversité écosystème
espèce habitat conservation protection restauration nature paysage revendication manifestation
pétition plaidoyer sensibilisation capital fonds crédit épargne dette coût rendement profit surplus
coopération entraide réciprocité bénévolat don philanthropie générosité littératie fracture
accessibilité handicap autonomie cargo vélo-cargo covoiturage autopartage transport-collectif
`

// benchAdjectives are French adjectives; feminine and plural forms are derived.
const benchAdjectives = `
social solidaire durable local communautaire collectif public privé citoyen culturel économique
écologique environnemental alimentaire numérique rural urbain régional national international
nouveau grand petit important essentiel fort faible riche pauvre jeune vieux ouvert libre juste
équitable inclusif accessible abordable sain propre vert coopératif associatif participatif
démocratique autonome indépendant responsable innovant créatif efficace utile concret pratique
simple complexe commun partagé premier dernier prochain récent ancien actuel futur possible
nécessaire difficile québécois montréalais autochtone francophone anglophone immigrant sociale-
écologique socio-écologique socio-économique
`

// benchVerbs are French verbs in the infinitive; a few forms are derived.
const benchVerbs = `
développer soutenir favoriser créer organiser accompagner renforcer améliorer partager construire
mobiliser sensibiliser financer produire consommer réduire protéger valoriser reconnaître promouvoir
participer collaborer contribuer proposer présenter discuter échanger rencontrer animer coordonner
chercher trouver offrir recevoir donner prendre mettre faire aller venir
`

// benchEnglish are English words for the English part of the corpus.
const benchEnglish = `
community housing cooperative cooperatives social economy network project members member program
programs people city cities neighbourhood transit bike bicycle energy climate food security health
care support funding research data report study learning workshop meeting event organization
organizations local public private sustainable green inclusive affordable new open shared collective
build building develop developing share sharing create creating grow growing run running help
helping youth seniors families workers volunteers residents tenants land trust trusts market markets
change transition justice equity policy policies government council board team group
`

// benchFirstNames are first names for people.
const benchFirstNames = `
Émilie Marie Sophie Julie Catherine Isabelle Nathalie Geneviève Véronique Stéphanie Mélanie Josée
Chantal Camille Léa Chloé Zoé Alice Rosalie Florence Jeanne Béatrice Élise Noémie Maude Océane Anaïs
Inès Amira Fatima Aïcha Jean Pierre François Louis Marc Michel André Luc Mathieu Olivier Alexandre
Guillaume Simon Étienne Jérôme Benoît Samuel Félix Gabriel Thomas Antoine Nicolas Hugo Raphaël Éric
Yves Denis Karim Mohamed Omar Hassan Wei Minh Alex Sam Charlie Dominique Claude Maxime Andrée René
Noël Gaëlle Jacinthe Solange Ghislaine Réjean Gilles
`

// benchLastNames are last names for people.
const benchLastNames = `
Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Ouellet Pelletier Bélanger
Lévesque Bergeron Leblanc Paquette Girard Simard Boucher Caron Beaulieu Cloutier Dubé Poirier
Fournier Lapointe Leclerc Lefebvre Poulin Thibault St-Pierre Nadeau Martin Landry Martel Bédard
Grenier Lessard Bernier Richard Michaud Hébert Desjardins Couture Turcotte Lachance Parent Blais
Gosselin Savard Proulx Beaudoin Demers Perron Boudreau Mercier Robichaud Nguyen Tran Diallo Traoré
Benali Haddad Cohen Kowalski Rossi Silva Santos Chen Wang Li Joseph Jean-Baptiste Saint-Louis
Pierre-Louis Vachon Asselin Bolduc Charest Dionne Fréchette Gingras Héroux
`

// benchRegions are Québec's administrative regions.
var benchRegions = []string{"Bas-Saint-Laurent", "Saguenay–Lac-Saint-Jean", "Capitale-Nationale", "Mauricie", "Estrie", "Montréal", "Outaouais", "Abitibi-Témiscamingue", "Côte-Nord", "Nord-du-Québec", "Gaspésie–Îles-de-la-Madeleine", "Chaudière-Appalaches", "Laval", "Lanaudière", "Laurentides", "Montérégie", "Centre-du-Québec"}
