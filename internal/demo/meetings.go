package demo

import "github.com/maillage/maillage/internal/maillage"

// meeting is one meeting of the community of practice: its detailed
// minutes (private to their authors), its public summary and the public
// resources shared that day.
type meeting struct {
	minute    noteSpec
	summary   noteSpec
	resources []noteSpec
}

// Who writes the meeting notes: the note-taker transfers her notes, the
// facilitator co-signs. Nadia Diallo facilitated when Camille was away.
var (
	usualWriters = []string{"Amina Benali", demoFirst + " " + demoLast}
	nadiaWriters = []string{"Amina Benali", "Nadia Diallo"}
)

// mandateTitle is the note pinned on top of the meetings notebook.
const mandateTitle = "Mandat de la communauté de pratique"

// minute is a meeting's detailed minutes: private, linked to the
// community of practice, read by its authors only.
func minute(title string, authors []string, body string) noteSpec {
	return noteSpec{title: title, body: body, visibility: maillage.VisibilityPrivate, authors: authors,
		tags: []string{tagNumerique}, community: cdpName}
}

// summary is a meeting's public summary.
func summary(title, abstract string, authors, tags []string, body string) noteSpec {
	return noteSpec{title: title, summary: abstract, body: body, visibility: maillage.VisibilityPublic,
		authors: authors, tags: tags, community: cdpName}
}

// resource is a public resource shared at a meeting.
func resource(title, abstract string, authors, tags []string, body string, files ...demoFile) noteSpec {
	return noteSpec{title: title, summary: abstract, body: body, visibility: maillage.VisibilityPublic,
		authors: authors, tags: tags, community: cdpName, files: files}
}

// noteEdit is a later change to a note, so its history has more than
// one version.
type noteEdit struct {
	note     noteSpec
	by       string
	addition string
}

// meetings lists the eight meetings in order.
var meetings = []meeting{meeting1, meeting2, meeting3, meeting4, meeting5, meeting6, meeting7, meeting8}

// noteEdits are applied once every meeting is written.
var noteEdits = []noteEdit{
	{meeting1.summary, "Amina Benali", "*Mise à jour du 20 mai 2025* : le résumé de la rencontre suivante est en ligne : [[Rencontre 2 — 14 mai 2025 : résumé]]."},
	{meeting2.resources[0], "Samuel Joseph", "## Version 1.1 (octobre 2025)\n\nAprès l’essai dans trois organismes, les niveaux ont été reformulés pour être lus à voix haute en réunion d’équipe, et une colonne « Priorité » a été ajoutée au fichier."},
}
