// Package markup turns the Markdown bodies of Maillage notes and discussion
// posts into sanitized HTML, and extracts what the rest of the program needs
// from a body: a table of contents, plain text for search and email, wiki
// link targets, note links, mentions and external URLs.
//
// # Pipeline
//
// A body goes through three stages, each with one job:
//
//  1. goldmark parses CommonMark with the GFM extensions Maillage uses
//     (tables, task lists, strikethrough, bare URLs made links) and two
//     inline syntaxes of its own: wiki links ([[Title]], [[Title|label]],
//     ![[Title]]) and mentions (@[Name](user:ID)). Raw HTML written in the
//     body is never passed through: goldmark replaces it with a comment.
//  2. The AST is resolved for one viewer (see below), then rendered to HTML
//     by goldmark with Maillage's own renderers for links, images, wiki
//     links and mentions. These refuse any URL scheme other than http,
//     https, mailto (links only) or a relative path.
//  3. bluemonday sanitizes the result with a policy that allows exactly the
//     elements and attributes the renderer produces and nothing else. It is
//     a second, independent line of defence: a bug in stage 1 or 2 must not
//     become script in a reader's browser.
//
// The table of contents and the plain text are then read from the sanitized
// HTML, so they match what the reader sees.
//
// # Why wiki links resolve per viewer
//
// A wiki link names a note by title. Whether that note exists is itself
// private information: a link to a note the viewer may not see must look
// exactly like a link to a note that does not exist, or the body would leak
// its existence (and its ID). Render therefore takes a Resolver that answers
// as the current viewer, and renders unresolved targets as plain text in a
// span.wikilink-missing. Mentions work alike, and show the person's current
// name rather than the one typed, so a renamed person reads right everywhere.
// The HTML of a body is thus per viewer and is not cached across viewers;
// Links, which only extracts, is the same for everyone.
//
// Heading IDs come from the source text (labels as typed, not names as
// resolved), so an anchor link to a section works for every reader.
//
// # Limits
//
// A body is at most MaxSourceBytes. Within that size, a few shapes make
// goldmark's work grow with the square of the input (containers nested
// thousands deep, thousands of unmatched emphasis delimiters or link
// brackets, very wide tables); guard.go and table.go bound them, so any
// body renders in well under a second. Past a bound, the extra markup is
// shown as typed.
package markup
