// Package archtest holds tests of Maillage's layering: which packages may
// import which (see docs/architecture.md). It has no code of its own.
package archtest
