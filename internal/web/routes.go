package web

import "net/http"

// routes is the whole route table. Pages go through the session, viewer
// and cross-origin middleware (see handler); static files do not need
// them and are served directly.
func (s *server) routes() http.Handler {
	m := http.NewServeMux()

	m.HandleFunc("GET /{$}", s.home)

	// Accounts.
	m.HandleFunc("GET /signup", s.signUpForm)
	m.HandleFunc("POST /signup", s.signUp)
	m.HandleFunc("GET /signin", s.signInForm)
	m.HandleFunc("POST /signin", s.signIn)
	m.HandleFunc("POST /signout", s.signOut)
	m.HandleFunc("GET /password/forgot", s.forgotForm)
	m.HandleFunc("POST /password/forgot", s.forgot)
	m.HandleFunc("GET /password/reset", s.resetForm)
	m.HandleFunc("POST /password/reset", s.reset)
	m.HandleFunc("GET /email/confirm", s.confirmEmailForm)
	m.HandleFunc("POST /email/confirm", s.confirmEmail)
	m.HandleFunc("POST /email/confirm/resend", s.resendConfirmation)

	// Settings of the signed-in person.
	m.HandleFunc("GET /settings/profile", s.profileForm)
	m.HandleFunc("POST /settings/profile", s.updateProfile)
	m.HandleFunc("GET /settings/password", s.passwordForm)
	m.HandleFunc("POST /settings/password", s.changePassword)
	m.HandleFunc("GET /settings/tokens", s.tokens)
	m.HandleFunc("POST /settings/tokens", s.createToken)
	m.HandleFunc("POST /settings/tokens/{id}/delete", s.deleteToken)

	// People.
	m.HandleFunc("GET /people", s.people)
	m.HandleFunc("GET /people/{id}", s.person)

	// Organisations.
	m.HandleFunc("GET /organizations", s.organizations)
	m.HandleFunc("GET /organizations/new", s.newOrganizationForm)
	m.HandleFunc("POST /organizations", s.createOrganization)
	m.HandleFunc("GET /organizations/{id}", s.organization)
	m.HandleFunc("GET /organizations/{id}/edit", s.editOrganizationForm)
	m.HandleFunc("POST /organizations/{id}/edit", s.updateOrganization)
	m.HandleFunc("GET /organizations/{id}/delete", s.deleteOrganizationConfirm)
	m.HandleFunc("POST /organizations/{id}/delete", s.deleteOrganization)
	m.HandleFunc("POST /organizations/{id}/affiliation", s.setAffiliation)
	m.HandleFunc("POST /organizations/{id}/affiliation/delete", s.removeAffiliation)
	m.HandleFunc("POST /organizations/{id}/members/{user}/editor", s.setEditor)
	m.HandleFunc("POST /organizations/{id}/members/{user}/remove", s.removeOrganizationMember)

	// Communities.
	m.HandleFunc("GET /communities", s.communities)
	m.HandleFunc("GET /communities/new", s.newCommunityForm)
	m.HandleFunc("POST /communities", s.createCommunity)
	m.HandleFunc("GET /communities/{id}", s.community)
	m.HandleFunc("GET /communities/{id}/edit", s.editCommunityForm)
	m.HandleFunc("POST /communities/{id}/edit", s.updateCommunity)
	m.HandleFunc("POST /communities/{id}/join", s.join)
	m.HandleFunc("POST /communities/{id}/request", s.requestToJoin)
	m.HandleFunc("POST /communities/{id}/request/withdraw", s.withdrawRequest)
	m.HandleFunc("POST /communities/{id}/leave", s.leave)
	m.HandleFunc("GET /communities/{id}/members", s.members)
	m.HandleFunc("POST /communities/{id}/members", s.addMember)
	m.HandleFunc("POST /communities/{id}/members/{user}/role", s.changeRole)
	m.HandleFunc("POST /communities/{id}/members/{user}/remove", s.removeMember)
	m.HandleFunc("GET /communities/{id}/requests", s.joinRequests)
	m.HandleFunc("POST /communities/{id}/requests/{user}/accept", s.acceptRequest)
	m.HandleFunc("POST /communities/{id}/requests/{user}/decline", s.declineRequest)

	// Tags.
	m.HandleFunc("GET /tags/suggest", s.suggestTags)
	m.HandleFunc("GET /tags/{slug}", s.tag)

	// Administration: the taxonomy (curators and administrators) and the
	// people's roles (administrators).
	m.HandleFunc("GET /admin", s.adminHome)
	m.HandleFunc("GET /admin/people", s.adminPeople)
	m.HandleFunc("POST /admin/people/{id}/curator", s.setCurator)
	m.HandleFunc("GET /admin/tags", s.adminTags)
	m.HandleFunc("POST /admin/tags", s.createTag)
	m.HandleFunc("GET /admin/taxonomy/new", s.newTagForm)
	m.HandleFunc("POST /admin/taxonomy/bulk", s.bulkTags)
	m.HandleFunc("GET /admin/taxonomy/import", s.importForm)
	m.HandleFunc("POST /admin/taxonomy/starter", s.loadStarter)
	m.HandleFunc("GET /admin/taxonomy/log", s.tagLog)
	m.HandleFunc("POST /admin/taxonomy/log/{id}/undo", s.undoTagAction)
	m.HandleFunc("GET /admin/tags/{slug}", s.adminTag)
	m.HandleFunc("POST /admin/tags/{slug}/edit", s.editTag)
	m.HandleFunc("POST /admin/tags/{slug}/promote", s.promoteTag)
	m.HandleFunc("POST /admin/tags/{slug}/merge", s.mergeTag)
	m.HandleFunc("POST /admin/tags/{slug}/synonyms", s.addTagSynonym)
	m.HandleFunc("POST /admin/tags/{slug}/synonyms/remove", s.removeTagSynonym)
	m.HandleFunc("POST /admin/tags/{slug}/deprecate", s.deprecateTag)
	m.HandleFunc("POST /admin/tags/{slug}/review", s.reviewTag)
	m.HandleFunc("GET /admin/tags/{slug}/split", s.splitForm)
	m.HandleFunc("POST /admin/tags/{slug}/split", s.splitTag)

	// Private and group messages; blocking people.
	m.HandleFunc("GET /messages", s.messagesPage)
	m.HandleFunc("GET /messages/new", s.newMessageForm)
	m.HandleFunc("POST /messages/new", s.chooseRecipients)
	m.HandleFunc("POST /messages", s.startConversation)
	m.HandleFunc("GET /messages/{id}", s.conversationPage)
	m.HandleFunc("POST /messages/{id}/reply", s.postMessage)
	m.HandleFunc("POST /messages/{id}/mute", s.muteConversation)
	m.HandleFunc("POST /messages/{id}/leave", s.leaveConversation)
	m.HandleFunc("GET /messages/{id}/participants", s.participantsForm)
	m.HandleFunc("POST /messages/{id}/participants", s.addConversationParticipants)
	m.HandleFunc("GET /people/{id}/block", s.blockPersonForm)
	m.HandleFunc("POST /people/{id}/block", s.blockPerson)
	m.HandleFunc("POST /people/{id}/unblock", s.unblockPerson)
	m.HandleFunc("GET /settings/blocks", s.blockedPeople)

	// Notes: the list, the editor (with preview, autosaved drafts and
	// [[link]] completion), a note's page, history and files.
	m.HandleFunc("GET /notes", s.notes)
	m.HandleFunc("GET /notes/new", s.newNoteForm)
	m.HandleFunc("POST /notes", s.createNote)
	m.HandleFunc("POST /notes/preview", s.previewNote)
	m.HandleFunc("POST /notes/drafts", s.saveNoteDraft)
	m.HandleFunc("POST /notes/drafts/discard", s.discardNoteDraft)
	m.HandleFunc("GET /notes/suggest", s.suggestNotes)
	m.HandleFunc("GET /notes/{id}", s.note)
	m.HandleFunc("GET /notes/{id}/edit", s.editNoteForm)
	m.HandleFunc("POST /notes/{id}/edit", s.updateNote)
	m.HandleFunc("GET /notes/{id}/delete", s.deleteNoteConfirm)
	m.HandleFunc("POST /notes/{id}/delete", s.deleteNote)
	m.HandleFunc("POST /notes/{id}/authors/{user}/remove", s.removeNoteAuthor)
	m.HandleFunc("GET /notes/{id}/history", s.noteHistory)
	m.HandleFunc("GET /notes/{id}/history/{n}", s.noteRevision)
	m.HandleFunc("POST /notes/{id}/history/{n}/restore", s.restoreNoteRevision)
	m.HandleFunc("GET /notes/{id}/files/{file}/{name}", s.noteFile)
	m.HandleFunc("POST /notes/{id}/files/{file}/delete", s.deleteNoteFile)

	// Notebooks and knowledge bases.
	m.HandleFunc("GET /notebooks", s.notebooks)
	m.HandleFunc("GET /notebooks/new", s.newNotebookForm)
	m.HandleFunc("POST /notebooks", s.createNotebook)
	m.HandleFunc("GET /notebooks/{id}", s.notebook)
	m.HandleFunc("GET /notebooks/{id}/edit", s.editNotebookForm)
	m.HandleFunc("POST /notebooks/{id}/edit", s.updateNotebook)
	m.HandleFunc("GET /notebooks/{id}/delete", s.deleteNotebookConfirm)
	m.HandleFunc("POST /notebooks/{id}/delete", s.deleteNotebook)
	m.HandleFunc("GET /notebooks/{id}/cover", s.notebookCover)
	m.HandleFunc("POST /notebooks/{id}/cover/delete", s.removeNotebookCover)
	m.HandleFunc("GET /notebooks/{id}/feed.atom", s.notebookFeed)
	m.HandleFunc("GET /notebooks/{id}/note-suggest", s.notebookNoteSuggest)
	m.HandleFunc("POST /notebooks/{id}/notes", s.addNotebookNote)
	m.HandleFunc("POST /notebooks/{id}/notes/{note}/remove", s.removeNotebookNote)
	m.HandleFunc("POST /notebooks/{id}/notes/{note}/pin", s.pinNotebookNote)
	m.HandleFunc("POST /notebooks/{id}/notes/{note}/move", s.moveNotebookNote)
	m.HandleFunc("POST /notebooks/{id}/notes/{note}/category", s.setNotebookNoteCategory)
	m.HandleFunc("GET /notebooks/{id}/categories", s.notebookCategories)
	m.HandleFunc("POST /notebooks/{id}/categories", s.createNotebookCategory)
	m.HandleFunc("POST /notebooks/{id}/categories/{cat}/rename", s.renameNotebookCategory)
	m.HandleFunc("POST /notebooks/{id}/categories/{cat}/move", s.moveNotebookCategory)
	m.HandleFunc("POST /notebooks/{id}/categories/{cat}/delete", s.deleteNotebookCategory)
	m.HandleFunc("GET /notebooks/{id}/members", s.notebookMembers)
	m.HandleFunc("POST /notebooks/{id}/members", s.addNotebookMember)
	m.HandleFunc("POST /notebooks/{id}/members/{user}/role", s.changeNotebookRole)
	m.HandleFunc("POST /notebooks/{id}/members/{user}/remove", s.removeNotebookMember)
	m.HandleFunc("GET /knowledge-bases", s.knowledgeBases)
	m.HandleFunc("GET /knowledge-bases/new", s.newKnowledgeBaseForm)
	m.HandleFunc("POST /knowledge-bases", s.createKnowledgeBase)
	m.HandleFunc("GET /knowledge-bases/{id}", s.knowledgeBase)
	m.HandleFunc("GET /knowledge-bases/{id}/edit", s.editKnowledgeBaseForm)
	m.HandleFunc("POST /knowledge-bases/{id}/edit", s.updateKnowledgeBase)
	m.HandleFunc("GET /knowledge-bases/{id}/delete", s.deleteKnowledgeBaseConfirm)
	m.HandleFunc("POST /knowledge-bases/{id}/delete", s.deleteKnowledgeBase)
	m.HandleFunc("POST /knowledge-bases/{id}/notebooks", s.addKnowledgeBaseNotebook)
	m.HandleFunc("POST /knowledge-bases/{id}/notebooks/{nb}/move", s.moveKnowledgeBaseNotebook)
	m.HandleFunc("POST /knowledge-bases/{id}/notebooks/{nb}/remove", s.removeKnowledgeBaseNotebook)
	m.HandleFunc("GET /knowledge-bases/{id}/members", s.knowledgeBaseMembers)
	m.HandleFunc("POST /knowledge-bases/{id}/members", s.addKnowledgeBaseMember)
	m.HandleFunc("POST /knowledge-bases/{id}/members/{user}/role", s.changeKnowledgeBaseRole)
	m.HandleFunc("POST /knowledge-bases/{id}/members/{user}/remove", s.removeKnowledgeBaseMember)

	// Community discussion: threads, replies, reactions, reports and
	// moderation; invitations, the cover image and the public feed.
	m.HandleFunc("GET /communities/{id}/threads/new", s.newThreadForm)
	m.HandleFunc("POST /communities/{id}/threads", s.createThread)
	m.HandleFunc("POST /communities/{id}/share-note", s.shareNote)
	m.HandleFunc("GET /communities/{id}/feed.atom", s.communityFeed)
	m.HandleFunc("GET /communities/{id}/cover", s.communityCover)
	m.HandleFunc("POST /communities/{id}/cover/delete", s.removeCommunityCover)
	m.HandleFunc("GET /communities/{id}/moderation", s.moderation)
	m.HandleFunc("POST /communities/{id}/reports/{report}/resolve", s.resolveReport)
	m.HandleFunc("GET /communities/{id}/invite", s.inviteForm)
	m.HandleFunc("POST /communities/{id}/invitations", s.invite)
	m.HandleFunc("POST /communities/{id}/invitations/{user}/withdraw", s.withdrawInvitation)
	m.HandleFunc("POST /communities/{id}/invitation/accept", s.acceptInvitation)
	m.HandleFunc("POST /communities/{id}/invitation/decline", s.declineInvitation)
	m.HandleFunc("POST /communities/{id}/transfer", s.transferManagement)
	m.HandleFunc("GET /invitations", s.myInvitations)
	m.HandleFunc("GET /threads/{id}", s.thread)
	m.HandleFunc("GET /threads/{id}/edit", s.editThreadForm)
	m.HandleFunc("POST /threads/{id}/edit", s.updateThread)
	m.HandleFunc("GET /threads/{id}/delete", s.deleteThreadConfirm)
	m.HandleFunc("POST /threads/{id}/delete", s.deleteThread)
	m.HandleFunc("POST /threads/{id}/moderate", s.moderateThread)
	m.HandleFunc("POST /threads/{id}/react", s.reactToThread)
	m.HandleFunc("GET /threads/{id}/report", s.reportThreadForm)
	m.HandleFunc("POST /threads/{id}/report", s.reportThread)
	m.HandleFunc("POST /threads/{id}/replies", s.createReply)
	m.HandleFunc("GET /replies/{id}/edit", s.editReplyForm)
	m.HandleFunc("POST /replies/{id}/edit", s.updateReply)
	m.HandleFunc("GET /replies/{id}/delete", s.deleteReplyConfirm)
	m.HandleFunc("POST /replies/{id}/delete", s.deleteReply)
	m.HandleFunc("POST /replies/{id}/moderate", s.moderateReply)
	m.HandleFunc("POST /replies/{id}/react", s.reactToReply)
	m.HandleFunc("GET /replies/{id}/report", s.reportReplyForm)
	m.HandleFunc("POST /replies/{id}/report", s.reportReply)
	m.HandleFunc("GET /people/suggest", s.suggestPeople)

	// Notifications, follows and email preferences. GET /unsubscribe asks
	// to confirm; the one-click POST is mounted below, outside the pages'
	// cross-origin protection.
	m.HandleFunc("GET /notifications", s.notifications)
	m.HandleFunc("POST /notifications/read-all", s.readAllNotifications)
	m.HandleFunc("GET /notifications/{id}", s.openNotification)
	m.HandleFunc("POST /notifications/{id}/read", s.readNotification)
	m.HandleFunc("GET /settings/notifications", s.notificationSettings)
	m.HandleFunc("POST /settings/notifications", s.saveNotificationSettings)
	m.HandleFunc("POST /follows", s.follow)
	m.HandleFunc("POST /follows/delete", s.unfollow)
	m.HandleFunc("GET /unsubscribe/{token}", s.unsubscribeForm)

	// Anything else is the translated 404 page.
	m.HandleFunc("/", s.notFound)

	top := http.NewServeMux()
	top.Handle("GET /static/{hash}/{path...}", s.static)
	// Note files are uploaded past the page body limit (see uploadPages).
	top.Handle("POST /notes/{id}/attachments", s.uploadPages(http.HandlerFunc(s.uploadNoteFile)))
	// A community's cover is uploaded past the page body limit too.
	top.Handle("POST /communities/{id}/cover", s.uploadPages(http.HandlerFunc(s.uploadCommunityCover)))
	// One-click unsubscribe (RFC 8058): the token is the credential, so
	// this one route is exempt from cross-origin protection (see oneClickPages).
	top.Handle("POST /unsubscribe/{token}", s.oneClickPages(http.HandlerFunc(s.unsubscribe)))
	// Notebook covers too (see uploadPages); the service bounds them to the image limit.
	top.Handle("POST /notebooks/{id}/cover", s.uploadPages(http.HandlerFunc(s.uploadNotebookCover)))
	// Taxonomy files are uploaded past the page body limit too.
	top.Handle("POST /admin/taxonomy/import", s.uploadPages(http.HandlerFunc(s.importTaxonomy)))
	top.Handle("/", s.pageMiddleware(m))
	return top
}
