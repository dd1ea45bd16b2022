// Package maillage holds Maillage's domain: the types every other package
// speaks in (users, organisations, communities, tags, notes ...), the error
// codes shared by the web and API front ends, input validation, and the one
// access policy as pure functions.
//
// It imports only the standard library so that every rule here can be read
// and tested without a database or an HTTP server.
package maillage
