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

	// Anything else is the translated 404 page.
	m.HandleFunc("/", s.notFound)

	top := http.NewServeMux()
	top.Handle("GET /static/{hash}/{path...}", s.static)
	top.Handle("/", s.pageMiddleware(m))
	return top
}
