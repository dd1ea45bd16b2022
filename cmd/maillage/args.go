package main

import (
	"flag"
	"io"
	"strings"

	"github.com/maillage/maillage/internal/config"
)

// splitArgs separates the words of a command line (the command, its
// sub-command and positional arguments) from its flags, wherever they
// stand: `--data d migrate` and `migrate --data d` give the same words and
// flags. A flag's value is taken from the next argument only for flags
// that take one, which allFlags knows; everything after "--" is a word.
func splitArgs(args []string) (words, flags []string) {
	known := allFlags()
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(words, args[i+1:]...), flags
		case len(a) < 2 || a[0] != '-':
			words = append(words, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := known.Lookup(name)
		if f == nil || isBoolFlag(f) || i+1 >= len(args) {
			continue
		}
		i++
		flags = append(flags, args[i])
	}
	return words, flags
}

// allFlags registers every flag of every command on one set, so that
// splitArgs knows which of them take a value.
func allFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("maillage", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := config.Default()
	c.ServeFlags(fs)
	var u userFlags
	u.register(fs)
	var b benchFlags
	b.register(fs)
	return fs
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
