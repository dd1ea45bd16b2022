package maillage

// This file is Maillage's one access policy. Every page, API call, list,
// count, search, map, feed, export and notification decides visibility
// here. Each rule is written as the audiences a thing is shown to (see
// audience.go); the store derives its SQL filters from these same
// functions (store/audience_sql.go), and property tests over random
// worlds check that every derived form agrees with them.
//
// A rule of the house: what a viewer may not see is absent (404), never
// "forbidden". Forbidden is only for a visible thing the viewer may not act on.

// ProfileAccess is what the policy needs to know about a person.
type ProfileAccess struct {
	UserID     string
	Visibility ProfileVisibility
	Contact    ContactPreference
}

// Access returns the policy view of a user.
func (u User) Access() ProfileAccess {
	return ProfileAccess{UserID: u.ID, Visibility: u.ProfileVisibility, Contact: u.Contact}
}

// CanViewProfile: a public profile is for everyone, a members-only profile
// for anyone signed in; people always see their own, administrators all.
func CanViewProfile(v Viewer, p ProfileAccess) bool { return v.Reaches(p.Audiences()) }

// Audiences is who may see the profile (CanViewProfile).
func (p ProfileAccess) Audiences() []Audience {
	out := []Audience{Person(p.UserID), Admins()}
	if p.Visibility == ProfilePublic {
		return append(out, Everyone())
	}
	return append(out, SignedInPeople())
}

// CanViewEmail: an email address is shown to the person, administrators,
// and signed-in members when the person chose to be reached by email.
func CanViewEmail(v Viewer, p ProfileAccess) bool { return v.Reaches(p.EmailAudiences()) }

// EmailAudiences is who may see the person's email address (CanViewEmail).
// Every signed-in person sees every profile, so "signed-in members when
// the person chose email" needs no profile check of its own.
func (p ProfileAccess) EmailAudiences() []Audience {
	out := []Audience{Person(p.UserID), Admins()}
	if p.Contact == ContactEmail {
		out = append(out, SignedInPeople())
	}
	return out
}

// CanEditProfile: people edit their own profile; administrators any.
func CanEditProfile(v Viewer, userID string) bool {
	return v.Reaches([]Audience{Person(userID), Admins()})
}

// OrganizationAccess is what the policy needs to know about an organisation.
type OrganizationAccess struct {
	CreatedBy string
	// AdminIDs are the affiliated people allowed to edit it.
	AdminIDs []string
}

// CanViewOrganization: the directory is public.
func CanViewOrganization(v Viewer, o OrganizationAccess) bool { return true }

// CanCreateOrganization: any signed-in member may add to the directory.
func CanCreateOrganization(v Viewer) bool { return v.SignedIn() }

// CanEditOrganization: its creator, its administrators and platform
// administrators. The directory is shared, so edits stay with people who
// answer for the entry.
func CanEditOrganization(v Viewer, o OrganizationAccess) bool { return v.Reaches(o.EditAudiences()) }

// EditAudiences is who may edit the organisation (CanEditOrganization).
func (o OrganizationAccess) EditAudiences() []Audience {
	return append([]Audience{Admins(), Person(o.CreatedBy)}, people(o.AdminIDs)...)
}

// CanJoinOrganization: any signed-in member may declare an affiliation
// with an organisation (it appears on their profile and the organisation's page).
func CanJoinOrganization(v Viewer) bool { return v.SignedIn() }

// CommunityAccess is what the policy needs to know about a community.
type CommunityAccess struct {
	ID         string
	Visibility Visibility
	Listed     bool
}

// Access returns the policy view of a community.
func (c Community) Access() CommunityAccess {
	return CommunityAccess{ID: c.ID, Visibility: c.Visibility, Listed: c.Listed}
}

// CanSeeCommunity: whether the community exists for the viewer at all (its
// name, description and tags appear in lists and its page answers).
// Public communities and listed private ones are seen by everyone; an
// unlisted private one only by its members.
func CanSeeCommunity(v Viewer, c CommunityAccess) bool { return v.Reaches(c.SeeAudiences()) }

// SeeAudiences is who may see that the community exists (CanSeeCommunity).
func (c CommunityAccess) SeeAudiences() []Audience {
	out := []Audience{Admins(), MembersOf(c.ID)}
	if c.Visibility == VisibilityPublic || c.Listed {
		out = append(out, Everyone())
	}
	return out
}

// CanReadCommunity: whether the viewer may read the community's content
// (member list, discussion, meetings). Public: everyone; private: members
// only. Notes, notebooks and knowledge bases "for the community" are for
// its members alone, even in a public community (CanViewContent).
func CanReadCommunity(v Viewer, c CommunityAccess) bool { return v.Reaches(c.ReadAudiences()) }

// ReadAudiences is who may read the community's content (CanReadCommunity).
func (c CommunityAccess) ReadAudiences() []Audience {
	out := []Audience{Admins(), MembersOf(c.ID)}
	if c.Visibility == VisibilityPublic {
		out = append(out, Everyone())
	}
	return out
}

// CanCreateCommunity: any signed-in member may start a community.
func CanCreateCommunity(v Viewer) bool { return v.SignedIn() }

// CanJoinCommunity: a signed-in non-member may join a public community directly.
func CanJoinCommunity(v Viewer, c CommunityAccess) bool {
	return v.SignedIn() && !v.IsMember(c.ID) && c.Visibility == VisibilityPublic
}

// CanRequestToJoin: a signed-in non-member who can see a private
// community may ask its managers to be let in.
func CanRequestToJoin(v Viewer, c CommunityAccess) bool {
	return v.SignedIn() && !v.IsMember(c.ID) && c.Visibility == VisibilityPrivate && CanSeeCommunity(v, c)
}

// CanLeaveCommunity: any member may leave (the service keeps at least one manager).
func CanLeaveCommunity(v Viewer, c CommunityAccess) bool { return v.IsMember(c.ID) }

// CanManageCommunity: managers and administrators edit the community, add
// and remove members, answer join requests and change roles.
func CanManageCommunity(v Viewer, c CommunityAccess) bool { return v.Reaches(c.ManageAudiences()) }

// ManageAudiences is who manages the community (CanManageCommunity).
func (c CommunityAccess) ManageAudiences() []Audience {
	return []Audience{Admins(), ManagersOf(c.ID)}
}

// ContentAccess is what the policy needs to know about a piece of content
// with per-item visibility: notes (and person cards), notebooks and
// knowledge bases.
type ContentAccess struct {
	Visibility  Visibility
	CommunityID string
	// OwnerIDs are the people who answer for the item: a note's authors, a
	// notebook's or knowledge base's managers.
	OwnerIDs []string
	// ContributorIDs may add to the item without owning it (a notebook's
	// contributors).
	ContributorIDs []string
}

// CanViewContent: public content is for everyone; community content for
// the linked community's members; private content for its owners (and
// contributors). Owners always see their own; administrators do not read
// private content, because privacy is the product.
func CanViewContent(v Viewer, c ContentAccess) bool { return v.Reaches(c.Audiences()) }

// Audiences is who may see the content (CanViewContent).
func (c ContentAccess) Audiences() []Audience {
	out := append(people(c.OwnerIDs), people(c.ContributorIDs)...)
	switch c.Visibility {
	case VisibilityPublic:
		out = append(out, Everyone())
	case VisibilityCommunity:
		out = append(out, MembersOf(c.CommunityID))
	}
	return out
}

// CanEditContent: only owners edit, change authors or delete a note;
// notebooks also let contributors add notes (CanContributeContent).
func CanEditContent(v Viewer, c ContentAccess) bool { return v.Reaches(people(c.OwnerIDs)) }

// CanContributeContent: owners and contributors may add to a notebook or
// knowledge base they can see.
func CanContributeContent(v Viewer, c ContentAccess) bool {
	return v.Reaches(append(people(c.OwnerIDs), people(c.ContributorIDs)...))
}

// CanViewAttachment: a file has exactly the visibility of the note it is
// attached to, so a private note's file is never reachable by URL.
func CanViewAttachment(v Viewer, note ContentAccess) bool { return CanViewContent(v, note) }

// ThreadAccess is what the policy needs to know about a discussion thread.
type ThreadAccess struct {
	Community CommunityAccess
	AuthorID  string
	Hidden    bool
}

// CanViewThread: the community's readers see its threads; a thread hidden
// by moderation stays visible to its author and the managers only.
// A thread is seen by those who reach both its community's readers and its
// moderation audiences: the one rule made of two.
func CanViewThread(v Viewer, t ThreadAccess) bool {
	return v.Reaches(t.Community.ReadAudiences()) && v.Reaches(t.ModerationAudiences())
}

// ModerationAudiences is who may see a post (thread or reply) given its
// moderation: everyone who reads the community, or, once hidden, its
// author and the community's managers.
func (t ThreadAccess) ModerationAudiences() []Audience {
	if !t.Hidden {
		return []Audience{Everyone()}
	}
	return []Audience{Person(t.AuthorID), ManagersOf(t.Community.ID), Admins()}
}

// CanPostInCommunity: members post threads and replies; reading a public
// community does not make one a member.
func CanPostInCommunity(v Viewer, c CommunityAccess) bool {
	return v.Reaches([]Audience{MembersOf(c.ID), Admins()})
}

// CanEditPost: authors edit their posts; managers moderate them.
func CanEditPost(v Viewer, authorID string, c CommunityAccess) bool {
	return v.Reaches(append(c.ManageAudiences(), Person(authorID)))
}

// CanViewConversation: private and group messages are for their participants only.
func CanViewConversation(v Viewer, participantIDs []string) bool {
	return v.Reaches(people(participantIDs))
}

// CanViewNotification: a notification is for its recipient alone.
func CanViewNotification(v Viewer, recipientID string) bool {
	return v.Includes(Person(recipientID))
}

// TagAccess is what the policy needs to know about a tag.
type TagAccess struct {
	Curated   bool
	CreatedBy string
	// VisibleUses counts the things carrying the tag that the viewer may see.
	VisibleUses int
}

// CanViewTag: curated tags are public; a free tag exists for a viewer
// only when something they may see carries it, or they made it. A label
// typed only in a private community ("projet confidentiel X") must not
// surface in suggestions or tag pages.
func CanViewTag(v Viewer, t TagAccess) bool {
	return t.Curated || t.VisibleUses > 0 || (v.SignedIn() && v.UserID == t.CreatedBy)
}

// CanAdminister: instance administration (users, taxonomy merges, settings).
func CanAdminister(v Viewer) bool { return v.Includes(Admins()) }

// CanCurate: the taxonomy's curators, and administrators, who have every
// curator right, create curated tags, merge, rename, split and deprecate
// tags and import vocabularies. Curating acts on tags only: it shows no
// content the person could not see otherwise.
func CanCurate(v Viewer) bool { return v.Reaches([]Audience{Curators(), Admins()}) }

// CanLinkContentToCommunity: only a community's members link a note,
// notebook or knowledge base to it, or share a note into its discussion,
// since doing so shows the item to its members.
func CanLinkContentToCommunity(v Viewer, communityID string) bool {
	return v.Includes(MembersOf(communityID))
}

// CanMakeManagersAuthors: only a community's managers hand the authorship
// of a note to the community's managers.
func CanMakeManagersAuthors(v Viewer, communityID string) bool {
	return v.Includes(ManagersOf(communityID))
}

// MayKnowCommunityName says, without loading the community, whether the
// viewer sees it whatever its settings (its members and administrators):
// others get its name only after CanSeeCommunity on the loaded community.
func MayKnowCommunityName(v Viewer, communityID string) bool {
	return CanSeeCommunity(v, CommunityAccess{ID: communityID, Visibility: VisibilityPrivate})
}

// CanViewInvitation: a pending invitation shows the item it is about (its
// title, and a community's description) to the people invited, and to no
// one else; it gives no other access to the item.
func CanViewInvitation(v Viewer, inviteeIDs []string) bool {
	return v.Reaches(InvitationAudiences(inviteeIDs))
}

// InvitationAudiences is who may see an item through pending invitations
// to it (CanViewInvitation).
func InvitationAudiences(inviteeIDs []string) []Audience { return people(inviteeIDs) }

// MeetingAccess is what the policy needs to know about a meeting.
type MeetingAccess struct {
	Community  CommunityAccess
	Visibility Visibility
}

// CanViewMeeting: a public meeting is for everyone who can see its
// community exists (so an unlisted private community's meetings never
// surface); a community meeting is for its community's members (and
// administrators), even in a public community, like content "for the
// community".
func CanViewMeeting(v Viewer, m MeetingAccess) bool { return v.Reaches(m.Audiences()) }

// Audiences is who may see the meeting (CanViewMeeting).
func (m MeetingAccess) Audiences() []Audience {
	if m.Visibility == VisibilityPublic {
		return m.Community.SeeAudiences()
	}
	return []Audience{Admins(), MembersOf(m.Community.ID)}
}

// CanManageMeeting: the community's managers schedule, change and cancel
// meetings and record who attended.
func CanManageMeeting(v Viewer, m MeetingAccess) bool {
	return v.Reaches(m.Community.ManageAudiences())
}

// CanAnswerMeeting: the community's members answer yes, no or maybe.
func CanAnswerMeeting(v Viewer, m MeetingAccess) bool {
	return CanViewMeeting(v, m) && v.Includes(MembersOf(m.Community.ID))
}

// CanViewComment: a comment on a note is seen by whoever sees the note;
// once hidden by moderation, by its author and the note's authors only.
// Whoever may not see the note sees none of its comments, nor their number.
func CanViewComment(v Viewer, c CommentAccess) bool {
	return v.Reaches(c.Note.Audiences()) && v.Reaches(c.ModerationAudiences())
}

// ModerationAudiences is who may see a comment given its moderation:
// everyone who sees the note, or, once hidden, its author and the note's
// authors, who moderate the comments on their note.
func (c CommentAccess) ModerationAudiences() []Audience {
	if !c.Hidden {
		return []Audience{Everyone()}
	}
	return append([]Audience{Person(c.AuthorID)}, people(c.Note.OwnerIDs)...)
}

// CanComment: any signed-in person who sees a note may comment on it.
func CanComment(v Viewer, note ContentAccess) bool {
	return v.SignedIn() && CanViewContent(v, note)
}

// CanModerateComments: a note's authors hide and show its comments, and
// delete them.
func CanModerateComments(v Viewer, note ContentAccess) bool { return CanEditContent(v, note) }

// CanProposeToNotebook: any signed-in person who may read a notebook and a
// note proposes the note for it; its managers decide.
func CanProposeToNotebook(v Viewer, notebook, note ContentAccess) bool {
	return v.SignedIn() && CanViewContent(v, notebook) && CanViewContent(v, note)
}

// CanAnswerProposals: a notebook's managers accept or decline proposals.
func CanAnswerProposals(v Viewer, notebook ContentAccess) bool { return CanEditContent(v, notebook) }

// CanViewProposal: a proposal is for the person who made it and the
// notebook's managers who may see its note (a manager who may not see the
// note learns nothing of it from a proposal).
func CanViewProposal(v Viewer, notebook ContentAccess, proposedBy string, note ContentAccess) bool {
	if v.SignedIn() && v.UserID == proposedBy {
		return true
	}
	return CanAnswerProposals(v, notebook) && CanViewContent(v, note)
}

// ActorAccess is what the policy needs to know about an actor card.
type ActorAccess struct {
	Visibility    ActorVisibility
	CommunityID   string
	CreatedBy     string
	ClaimedUserID string
}

// CanViewActor: a public card is for everyone, a members card for anyone
// signed in, a community card for the community's members and a private
// card for its creator. Its creator and the person who claimed it always
// see it. Administrators see every card but private ones: cards describe
// third parties, and administrators answer for their correction and
// removal under Québec's Law 25; a private card is its creator's notebook
// (a nomination's new name, given in confidence), and administrators
// read no private content.
func CanViewActor(v Viewer, a ActorAccess) bool { return v.Reaches(a.Audiences()) }

// Audiences is who may see the card (CanViewActor).
func (a ActorAccess) Audiences() []Audience {
	out := []Audience{Person(a.CreatedBy), Person(a.ClaimedUserID)}
	if a.Visibility != ActorPrivate {
		out = append(out, Admins())
	}
	switch a.Visibility {
	case ActorPublic:
		out = append(out, Everyone())
	case ActorMembers:
		out = append(out, SignedInPeople())
	case ActorCommunity:
		out = append(out, MembersOf(a.CommunityID))
	}
	return out
}

// CanCreateActor: any signed-in member may describe an actor.
func CanCreateActor(v Viewer) bool { return v.SignedIn() }

// CanEditActor: its creator, the person who claimed it, the managers of
// its community (for a community card) and administrators edit or delete
// a card.
func CanEditActor(v Viewer, a ActorAccess) bool { return v.Reaches(a.EditAudiences()) }

// EditAudiences is who may edit the card (CanEditActor).
func (a ActorAccess) EditAudiences() []Audience {
	out := []Audience{Admins(), Person(a.CreatedBy), Person(a.ClaimedUserID)}
	if a.Visibility == ActorCommunity {
		out = append(out, ManagersOf(a.CommunityID))
	}
	return out
}

// CanClaimActor: a signed-in person who sees an unclaimed card may claim
// it at once when one of their confirmed addresses equals the card's
// email; otherwise they may ask for the claim to be approved
// (CanApproveActorClaim).
func CanClaimActor(v Viewer, a ActorAccess, emailMatches bool) bool {
	return v.SignedIn() && a.ClaimedUserID == "" && emailMatches && CanViewActor(v, a)
}

// CanRequestActorClaim: a signed-in person who sees an unclaimed card may
// ask to be recognised as the person it describes.
func CanRequestActorClaim(v Viewer, a ActorAccess) bool {
	return v.SignedIn() && a.ClaimedUserID == "" && CanViewActor(v, a)
}

// CanApproveActorClaim: administrators, and the managers of a community
// card's community, approve or refuse claims of a card.
func CanApproveActorClaim(v Viewer, a ActorAccess) bool { return v.Reaches(a.ApproveAudiences()) }

// ApproveAudiences is who answers claims of the card (CanApproveActorClaim).
func (a ActorAccess) ApproveAudiences() []Audience {
	out := []Audience{Admins()}
	if a.Visibility == ActorCommunity {
		out = append(out, ManagersOf(a.CommunityID))
	}
	return out
}

// CanAnswerActorRequest: a claim is answered by those who approve claims
// of the card (CanApproveActorClaim); a request for correction or removal
// by administrators, who answer for Law 25.
func CanAnswerActorRequest(v Viewer, kind ActorRequestKind, a ActorAccess) bool {
	if kind == ActorRequestClaim {
		return CanApproveActorClaim(v, a)
	}
	return CanAdminister(v)
}

// CanRequestActorCorrection: a signed-in person who sees a card may ask
// for its correction or removal (Law 25); administrators answer.
func CanRequestActorCorrection(v Viewer, a ActorAccess) bool {
	return v.SignedIn() && CanViewActor(v, a)
}

// CanImportActors: any signed-in member may import a map of actors; each
// imported card gets the visibility chosen for the import.
func CanImportActors(v Viewer) bool { return v.SignedIn() }
