// Package files keeps the attachments of Maillage notes (images, PDFs,
// office documents, audio and video) and decides what each one is.
//
// # Type decided by content
//
// A file name is whatever the uploader typed, and a browser trusts the
// Content-Type it is served with. If the name decided, an SVG or HTML page
// renamed "photo.png" would be stored, then served from Maillage's own
// origin where its script would run with the viewer's session. So Detect
// looks at the bytes and accepts only an allow-list of formats it can
// recognise (images, PDF, office documents, audio, video, plain text);
// the name's extension is a hint used only where the bytes alone are
// ambiguous (plain text, an MP4 container holding only sound). Markup
// (SVG, HTML, XML), scripts and executables are refused whatever their
// name. A file is later served with the detected MIME type, a
// Content-Disposition from ContentDisposition (attachment unless the type
// is safe to show in the page) and "X-Content-Type-Options: nosniff", so
// the browser never guesses on its own.
//
// # Private notes
//
// Storage knows nothing about notes or who may read them, and it is never
// exposed directly: there is no static file server on <data>/files. The
// HTTP layer serves an attachment only after loading its note through the
// access policy, and answers 404 exactly like a missing file when the
// viewer may not see that note. Keys are built from random attachment IDs
// (see KeyFor), never from file names, so knowing a file's name tells
// nothing about where its bytes live or what its download URL is.
//
// # Storage
//
// Disk keeps files under a folder (normally <data>/files) and writes them
// atomically: a temporary file, fsync, then rename, so a reader sees a
// whole file or none and an upload over its limit leaves nothing behind.
// The Storage interface lets an object store take its place later.
package files
