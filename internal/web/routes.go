package web

import (
	"net/http"

	"github.com/maillage/maillage/internal/maillage"
)

// routes builds the handler of the whole route table (see table).
func (s *server) routes() http.Handler {
	pages, top := http.NewServeMux(), http.NewServeMux()
	s.table(&routeTable{pages: pages, top: top, uploads: s.uploadPages, oneClick: s.oneClickPages})
	top.Handle("/", s.pageMiddleware(pages))
	return top
}

// RoutePatterns lists the pattern of every route of the table, in the
// order they are declared ("GET /notes/{id}", "POST /signin", ...; the
// catch-all is "/"). Tests walk it so that a new route is covered the day
// it is added.
func RoutePatterns() []string {
	t := &routeTable{}
	(&server{}).table(t)
	return t.patterns
}

// table is the whole route table. Pages go through the session, viewer
// and cross-origin middleware (see pageMiddleware); static files do not
// need them and are served directly.
func (s *server) table(t *routeTable) {
	t.page("GET /{$}", s.home)

	// Accounts.
	t.page("GET /signup", s.signUpForm)
	t.page("POST /signup", s.signUp)
	t.page("GET /signin", s.signInForm)
	t.page("POST /signin", s.signIn)
	t.page("POST /signout", s.signOut)
	t.page("GET /password/forgot", s.forgotForm)
	t.page("POST /password/forgot", s.forgot)
	t.page("GET /password/reset", s.resetForm)
	t.page("POST /password/reset", s.reset)
	t.page("GET /email/confirm", s.confirmEmailForm)
	t.page("POST /email/confirm", s.confirmEmail)
	t.page("POST /email/confirm/resend", s.resendConfirmation)

	// Settings of the signed-in person.
	t.page("GET /settings/profile", s.profileForm)
	t.page("POST /settings/profile", s.updateProfile)
	t.page("GET /settings/password", s.passwordForm)
	t.page("POST /settings/password", s.changePassword)
	t.page("POST /settings/sessions/end-others", s.signOutEverywhere)
	t.page("GET /settings/tokens", s.tokens)
	t.page("POST /settings/tokens", s.createToken)
	t.page("POST /settings/tokens/{id}/delete", s.deleteToken)

	// Search over everything the viewer may see.
	t.page("GET /search", s.search)
	t.page("GET /search/suggest", s.searchSuggest)
	t.page("GET /opensearch.xml", s.openSearch)

	// People.
	t.page("GET /people", s.people)
	t.page("GET /people/{id}", s.person)
	t.page("GET /people/{id}/second-degree", s.personSecondDegree)
	t.page("POST /people/{id}/acquaintance", s.declareAcquaintance)
	t.page("POST /people/{id}/acquaintance/answer", s.answerAcquaintance)
	t.page("POST /people/{id}/acquaintance/delete", s.removeAcquaintance)

	// Actor cards: people and organisations not on Maillage.
	t.page("GET /actors", s.actors)
	t.page("GET /actors/new", s.newActorForm)
	t.page("POST /actors", s.createActor)
	t.page("GET /actors/import", s.actorImportForm)
	t.page("POST /actors/import/preview", s.reviewActorImport)
	t.page("POST /actors/import/run", s.runActorImport)
	t.page("GET /actors/requests", s.actorRequests)
	t.page("POST /actor-requests/{id}", s.answerActorRequest)
	t.page("GET /actors/{id}", s.actor)
	t.page("GET /actors/{id}/edit", s.editActorForm)
	t.page("POST /actors/{id}/edit", s.updateActor)
	t.page("GET /actors/{id}/delete", s.deleteActorConfirm)
	t.page("POST /actors/{id}/delete", s.deleteActor)
	t.page("POST /actors/{id}/claim", s.claimActor)
	t.page("POST /actors/{id}/requests", s.requestActorChange)
	t.page("POST /actors/{id}/notes", s.attachNote)

	// Organisations.
	t.page("GET /organizations", s.organizations)
	t.page("GET /organizations/new", s.newOrganizationForm)
	t.page("POST /organizations", s.createOrganization)
	t.page("GET /organizations/{id}", s.organization)
	t.page("GET /organizations/{id}/second-degree", s.organizationSecondDegree)
	t.page("GET /organizations/{id}/edit", s.editOrganizationForm)
	t.page("POST /organizations/{id}/edit", s.updateOrganization)
	t.page("GET /organizations/{id}/delete", s.deleteOrganizationConfirm)
	t.page("POST /organizations/{id}/delete", s.deleteOrganization)
	t.page("POST /organizations/{id}/affiliation", s.setAffiliation)
	t.page("POST /organizations/{id}/affiliation/delete", s.removeAffiliation)
	t.page("POST /organizations/{id}/members/{user}/editor", s.setEditor)
	t.page("POST /organizations/{id}/members/{user}/remove", s.removeOrganizationMember)

	// Communities.
	t.page("GET /communities", s.communities)
	t.page("GET /communities/new", s.newCommunityForm)
	t.page("POST /communities", s.createCommunity)
	t.page("GET /communities/{id}", s.community)
	t.page("GET /communities/{id}/edit", s.editCommunityForm)
	t.page("POST /communities/{id}/edit", s.updateCommunity)
	t.page("POST /communities/{id}/join", s.join)
	t.page("POST /communities/{id}/request", s.requestToJoin)
	t.page("POST /communities/{id}/request/withdraw", s.withdrawRequest)
	t.page("POST /communities/{id}/leave", s.leave)
	t.page("GET /communities/{id}/members", s.members)
	t.page("POST /communities/{id}/members", s.addMember)
	t.page("POST /communities/{id}/members/{user}/role", s.changeRole)
	t.page("POST /communities/{id}/members/{user}/remove", s.removeMember)
	t.page("GET /communities/{id}/requests", s.joinRequests)
	t.page("POST /communities/{id}/requests/{user}/accept", s.acceptRequest)
	t.page("POST /communities/{id}/requests/{user}/decline", s.declineRequest)

	// Nominations: requests, answers (members, or a secret link for people
	// asked by email) and results, which only the requester sees.
	t.page("GET /nominations", s.nominations)
	t.page("GET /nominations/new", s.newNominationForm)
	t.page("POST /nominations", s.createNomination)
	t.page("GET /nominations/suggest", s.nomineeSuggest)
	t.page("GET /nominations/{id}", s.nominationResults)
	t.page("POST /nominations/{id}/close", s.closeNomination)
	t.page("POST /nominations/{id}/wave", s.nominationWave)
	t.page("GET /nominations/{id}/answer", s.nominationAnswerForm)
	t.page("POST /nominations/{id}/answer", s.answerNomination)
	t.page("GET /nominate/{token}", s.nominationTokenForm)
	t.page("POST /nominate/{token}", s.answerNominationByToken)

	// Tags.
	t.page("GET /tags/suggest", s.suggestTags)
	t.page("GET /tags/{slug}", s.tag)
	t.page("GET /tags/{slug}/key-actors", s.keyActorsPage)

	// Administration: the taxonomy (curators and administrators) and the
	// people's roles (administrators).
	t.page("GET /admin", s.adminHome)
	t.page("GET /admin/people", s.adminPeople)
	t.page("POST /admin/people/{id}/curator", s.setCurator)
	t.page("GET /admin/tags", s.adminTags)
	t.page("POST /admin/tags", s.createTag)
	t.page("GET /admin/taxonomy/new", s.newTagForm)
	t.page("POST /admin/taxonomy/bulk", s.bulkTags)
	t.page("GET /admin/taxonomy/import", s.importForm)
	t.page("POST /admin/taxonomy/starter", s.loadStarter)
	t.page("GET /admin/taxonomy/log", s.tagLog)
	t.page("POST /admin/taxonomy/log/{id}/undo", s.undoTagAction)
	t.page("GET /admin/tags/{slug}", s.adminTag)
	t.page("POST /admin/tags/{slug}/edit", s.editTag)
	t.page("POST /admin/tags/{slug}/promote", s.promoteTag)
	t.page("POST /admin/tags/{slug}/merge", s.mergeTag)
	t.page("POST /admin/tags/{slug}/synonyms", s.addTagSynonym)
	t.page("POST /admin/tags/{slug}/synonyms/remove", s.removeTagSynonym)
	t.page("POST /admin/tags/{slug}/deprecate", s.deprecateTag)
	t.page("POST /admin/tags/{slug}/review", s.reviewTag)
	t.page("GET /admin/tags/{slug}/split", s.splitForm)
	t.page("POST /admin/tags/{slug}/split", s.splitTag)

	// Private and group messages; blocking people.
	t.page("GET /messages", s.messagesPage)
	t.page("GET /messages/new", s.newMessageForm)
	t.page("POST /messages/new", s.chooseRecipients)
	t.page("POST /messages", s.startConversation)
	t.page("GET /messages/{id}", s.conversationPage)
	t.page("POST /messages/{id}/reply", s.postMessage)
	t.page("POST /messages/{id}/mute", s.muteConversation)
	t.page("POST /messages/{id}/leave", s.leaveConversation)
	t.page("GET /messages/{id}/participants", s.participantsForm)
	t.page("POST /messages/{id}/participants", s.addConversationParticipants)
	t.page("GET /people/{id}/block", s.blockPersonForm)
	t.page("POST /people/{id}/block", s.blockPerson)
	t.page("POST /people/{id}/unblock", s.unblockPerson)
	t.page("GET /settings/blocks", s.blockedPeople)

	// Notes: the list, the editor (with preview, autosaved drafts and
	// [[link]] completion), a note's page, history and files.
	t.page("GET /notes", s.notes)
	t.page("GET /notes/new", s.newNoteForm)
	t.page("POST /notes", s.createNote)
	t.page("POST /notes/preview", s.previewNote)
	t.page("POST /notes/drafts", s.saveNoteDraft)
	t.page("POST /notes/drafts/discard", s.discardNoteDraft)
	t.page("GET /notes/suggest", s.suggestNotes)
	t.page("GET /notes/{id}", s.note)
	t.page("GET /notes/{id}/edit", s.editNoteForm)
	t.page("POST /notes/{id}/edit", s.updateNote)
	t.page("GET /notes/{id}/delete", s.deleteNoteConfirm)
	t.page("POST /notes/{id}/delete", s.deleteNote)
	t.page("POST /notes/{id}/authors/{user}/remove", s.removeNoteAuthor)
	t.page("GET /notes/{id}/history", s.noteHistory)
	t.page("GET /notes/{id}/history/{n}", s.noteRevision)
	t.page("POST /notes/{id}/history/{n}/restore", s.restoreNoteRevision)
	t.page("GET /notes/{id}/files/{file}/{name}", s.noteFile)
	t.page("POST /notes/{id}/files/{file}/delete", s.deleteNoteFile)
	t.page("POST /notes/{id}/comments", s.createNoteComment)
	t.page("POST /notes/{id}/propose", s.proposeNoteFromPage)
	t.page("POST /comments/{id}/hide", s.hideNoteComment)
	t.page("POST /comments/{id}/delete", s.deleteNoteComment)

	// Meetings (meetings_routes.go).
	s.meetingRoutes(t)

	// Notebooks and knowledge bases.
	t.page("GET /notebooks", s.notebooks)
	t.page("GET /notebooks/new", s.newNotebookForm)
	t.page("POST /notebooks", s.createNotebook)
	t.page("GET /notebooks/{id}", s.notebook)
	t.page("GET /notebooks/{id}/edit", s.editNotebookForm)
	t.page("POST /notebooks/{id}/edit", s.updateNotebook)
	t.page("GET /notebooks/{id}/delete", s.deleteNotebookConfirm)
	t.page("POST /notebooks/{id}/delete", s.deleteNotebook)
	t.page("GET /notebooks/{id}/cover", s.notebookCover)
	t.page("POST /notebooks/{id}/cover/delete", s.removeNotebookCover)
	t.page("GET /notebooks/{id}/feed.atom", s.notebookFeed)
	t.page("GET /notebooks/{id}/note-suggest", s.notebookNoteSuggest)
	t.page("POST /notebooks/{id}/notes", s.addNotebookNote)
	t.page("POST /notebooks/{id}/proposals", s.proposeNotebookNote)
	t.page("POST /notebooks/{id}/proposals/{proposal}/accept", s.answerNotebookProposal(true))
	t.page("POST /notebooks/{id}/proposals/{proposal}/decline", s.answerNotebookProposal(false))
	t.page("POST /notebooks/{id}/notes/{note}/remove", s.removeNotebookNote)
	t.page("POST /notebooks/{id}/notes/{note}/pin", s.pinNotebookNote)
	t.page("POST /notebooks/{id}/notes/{note}/move", s.moveNotebookNote)
	t.page("POST /notebooks/{id}/notes/{note}/category", s.setNotebookNoteCategory)
	t.page("GET /notebooks/{id}/categories", s.notebookCategories)
	t.page("POST /notebooks/{id}/categories", s.createNotebookCategory)
	t.page("POST /notebooks/{id}/categories/{cat}/rename", s.renameNotebookCategory)
	t.page("POST /notebooks/{id}/categories/{cat}/move", s.moveNotebookCategory)
	t.page("POST /notebooks/{id}/categories/{cat}/delete", s.deleteNotebookCategory)
	t.page("GET /notebooks/{id}/members", s.notebookMembers)
	t.page("POST /notebooks/{id}/members", s.addNotebookMember)
	t.page("POST /notebooks/{id}/members/{user}/role", s.changeNotebookRole)
	t.page("POST /notebooks/{id}/members/{user}/remove", s.removeNotebookMember)
	t.page("GET /knowledge-bases", s.knowledgeBases)
	t.page("GET /knowledge-bases/new", s.newKnowledgeBaseForm)
	t.page("POST /knowledge-bases", s.createKnowledgeBase)
	t.page("GET /knowledge-bases/{id}", s.knowledgeBase)
	t.page("GET /knowledge-bases/{id}/edit", s.editKnowledgeBaseForm)
	t.page("POST /knowledge-bases/{id}/edit", s.updateKnowledgeBase)
	t.page("GET /knowledge-bases/{id}/delete", s.deleteKnowledgeBaseConfirm)
	t.page("POST /knowledge-bases/{id}/delete", s.deleteKnowledgeBase)
	t.page("POST /knowledge-bases/{id}/notebooks", s.addKnowledgeBaseNotebook)
	t.page("POST /knowledge-bases/{id}/notebooks/{nb}/move", s.moveKnowledgeBaseNotebook)
	t.page("POST /knowledge-bases/{id}/notebooks/{nb}/remove", s.removeKnowledgeBaseNotebook)
	t.page("GET /knowledge-bases/{id}/members", s.knowledgeBaseMembers)
	t.page("POST /knowledge-bases/{id}/members", s.addKnowledgeBaseMember)
	t.page("POST /knowledge-bases/{id}/members/{user}/role", s.changeKnowledgeBaseRole)
	t.page("POST /knowledge-bases/{id}/members/{user}/remove", s.removeKnowledgeBaseMember)

	// Consent: invitations to co-author a note, or to take a role in a
	// notebook or a knowledge base (communities have theirs below).
	note, notebook, kb := maillage.InviteNote, maillage.InviteNotebook, maillage.InviteKnowledgeBase
	t.page("POST /notes/{id}/invitation/accept", s.answerItemInvitation(note, true))
	t.page("POST /notes/{id}/invitation/decline", s.answerItemInvitation(note, false))
	t.page("POST /notes/{id}/invitations/{user}/withdraw", s.withdrawItemInvitation(note))
	t.page("POST /notebooks/{id}/invitation/accept", s.answerItemInvitation(notebook, true))
	t.page("POST /notebooks/{id}/invitation/decline", s.answerItemInvitation(notebook, false))
	t.page("POST /notebooks/{id}/invitations/{user}/withdraw", s.withdrawItemInvitation(notebook))
	t.page("POST /knowledge-bases/{id}/invitation/accept", s.answerItemInvitation(kb, true))
	t.page("POST /knowledge-bases/{id}/invitation/decline", s.answerItemInvitation(kb, false))
	t.page("POST /knowledge-bases/{id}/invitations/{user}/withdraw", s.withdrawItemInvitation(kb))

	// Community discussion: threads, replies, reactions, reports and
	// moderation; invitations, the cover image and the public feed.
	t.page("GET /communities/{id}/threads/new", s.newThreadForm)
	t.page("POST /communities/{id}/threads", s.createThread)
	t.page("POST /communities/{id}/share-note", s.shareNote)
	t.page("GET /communities/{id}/feed.atom", s.communityFeed)
	t.page("GET /communities/{id}/cover", s.communityCover)
	t.page("POST /communities/{id}/cover/delete", s.removeCommunityCover)
	t.page("GET /communities/{id}/moderation", s.moderation)
	t.page("POST /communities/{id}/reports/{report}/resolve", s.resolveReport)
	t.page("GET /communities/{id}/invite", s.inviteForm)
	t.page("POST /communities/{id}/invitations", s.invite)
	t.page("POST /communities/{id}/invitations/{user}/withdraw", s.withdrawInvitation)
	t.page("POST /communities/{id}/invitation/accept", s.acceptInvitation)
	t.page("POST /communities/{id}/invitation/decline", s.declineInvitation)
	t.page("POST /communities/{id}/transfer", s.transferManagement)

	// Recruitment: the shortlist and the invitations emailed from it, for
	// the community's managers (404 to anyone else, members too).
	t.page("GET /communities/{id}/recruitment", s.recruitmentPage)
	t.page("POST /communities/{id}/recruitment/candidates", s.addCandidate)
	t.page("POST /communities/{id}/recruitment/invite", s.inviteSelection)
	t.page("POST /communities/{id}/recruitment/remind", s.remindInvitations)
	t.page("GET /communities/{id}/recruitment/{candidate}", s.candidatePage)
	t.page("POST /communities/{id}/recruitment/{candidate}", s.updateCandidate)
	t.page("POST /communities/{id}/recruitment/{candidate}/delete", s.deleteCandidate)
	// The page an emailed invitation links to: its token is its
	// credential, so it works signed out.
	t.page("GET /join/{token}", s.joinPage)
	t.page("POST /join/{token}/accept", s.acceptJoin)
	t.page("POST /join/{token}/decline", s.declineJoin)
	t.page("GET /invitations", s.myInvitations)

	t.page("GET /threads/{id}", s.thread)
	t.page("GET /threads/{id}/edit", s.editThreadForm)
	t.page("POST /threads/{id}/edit", s.updateThread)
	t.page("GET /threads/{id}/delete", s.deleteThreadConfirm)
	t.page("POST /threads/{id}/delete", s.deleteThread)
	t.page("POST /threads/{id}/moderate", s.moderateThread)
	t.page("POST /threads/{id}/react", s.reactToThread)
	t.page("GET /threads/{id}/report", s.reportThreadForm)
	t.page("POST /threads/{id}/report", s.reportThread)
	t.page("POST /threads/{id}/replies", s.createReply)
	t.page("GET /replies/{id}/edit", s.editReplyForm)
	t.page("POST /replies/{id}/edit", s.updateReply)
	t.page("GET /replies/{id}/delete", s.deleteReplyConfirm)
	t.page("POST /replies/{id}/delete", s.deleteReply)
	t.page("POST /replies/{id}/moderate", s.moderateReply)
	t.page("POST /replies/{id}/react", s.reactToReply)
	t.page("GET /replies/{id}/report", s.reportReplyForm)
	t.page("POST /replies/{id}/report", s.reportReply)
	t.page("GET /people/suggest", s.suggestPeople)

	// Notifications, follows and email preferences. GET /unsubscribe asks
	// to confirm; the one-click POST is mounted below, outside the pages'
	// cross-origin protection.
	t.page("GET /notifications", s.notifications)
	t.page("POST /notifications/read-all", s.readAllNotifications)
	t.page("POST /notifications/read", s.readNotifications)
	t.page("GET /notifications/{id}", s.openNotification)
	t.page("POST /notifications/{id}/read", s.readNotification)
	t.page("GET /settings/notifications", s.notificationSettings)
	t.page("POST /settings/notifications", s.saveNotificationSettings)
	t.page("POST /follows", s.follow)
	t.page("POST /follows/delete", s.unfollow)
	t.page("GET /unsubscribe/{token}", s.unsubscribeForm)

	// Anything else is the translated 404 page.
	t.page("/", s.notFound)

	t.direct("GET /static/{hash}/{path...}", s.static)
	// Note files are uploaded past the page body limit (see uploadPages).
	t.upload("POST /notes/{id}/attachments", s.uploadNoteFile)
	// A community's cover is uploaded past the page body limit too.
	t.upload("POST /communities/{id}/cover", s.uploadCommunityCover)
	// One-click unsubscribe (RFC 8058): the token is the credential, so
	// this one route is exempt from cross-origin protection (see oneClickPages).
	t.oneClickPage("POST /unsubscribe/{token}", s.unsubscribe)
	// Notebook covers too (see uploadPages); the service bounds them to the image limit.
	t.upload("POST /notebooks/{id}/cover", s.uploadNotebookCover)
	// Taxonomy files are uploaded past the page body limit too.
	t.upload("POST /admin/taxonomy/import", s.importTaxonomy)
	// A map of actors to import is uploaded past the page body limit too.
	t.upload("POST /actors/import", s.uploadActorImport)
}
