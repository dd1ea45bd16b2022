// Command maillage runs the Maillage server and its maintenance commands:
//
//	maillage [serve]            run the server (the default command)
//	maillage migrate            apply migrations and exit
//	maillage user create --email E --name N [--password P] [--admin] [--curator] [--token]
//	maillage demo               load the demo dataset into an empty database
//	maillage backup FILE        consistent online backup (SQLite)
//	maillage search rebuild     rebuild the search index from the database
//	maillage bench generate [--profile tiny|smoke|large] [--seed N]
//	                            fill an empty database with a benchmark data set
//
// Flags may come before or after the command (`maillage --data d migrate`
// and `maillage migrate --data d` are the same). Settings come from flags,
// then MAILLAGE_* environment variables, then defaults; run
// `maillage serve -h` for the list.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	err := run(ctx, os.Args[1:], os.Stdout, logger)
	stop()
	os.Exit(report(os.Stderr, err))
}

// report writes err for the person at the terminal and returns the exit
// status: 0 on success, 2 when the command line itself is wrong (with the
// usage), 1 when the command failed.
func report(stderr io.Writer, err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		// The flag package has already printed the flags.
		return 2
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintln(stderr, "maillage:", ue.msg)
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	fmt.Fprintln(stderr, "maillage:", err)
	return 1
}

// usageError is a command line Maillage does not understand: an unknown
// command, a stray argument or a bad flag. It ends with status 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{msg: fmt.Sprintf(format, a...)} }

// run dispatches to a command. It is separate from main so tests run the
// real commands with their own arguments and output.
func run(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	words, flags := splitArgs(args)
	if len(words) == 0 {
		words = []string{"serve"}
	}
	cmd, rest := words[0], words[1:]
	switch cmd {
	case "serve":
		if err := noArgs(cmd, rest); err != nil {
			return err
		}
		return serve(ctx, flags, stdout, logger)
	case "migrate":
		if err := noArgs(cmd, rest); err != nil {
			return err
		}
		return migrate(ctx, flags, stdout, logger)
	case "user":
		if len(rest) == 0 || rest[0] != "create" {
			return usagef("user takes the sub-command create")
		}
		if err := noArgs("user create", rest[1:]); err != nil {
			return err
		}
		return userCreate(ctx, flags, stdout, logger)
	case "demo":
		if err := noArgs(cmd, rest); err != nil {
			return err
		}
		return loadDemo(ctx, flags, stdout, logger)
	case "backup":
		if len(rest) != 1 {
			return usagef("backup takes one argument, the FILE to write")
		}
		return backup(ctx, rest[0], flags, stdout, logger)
	case "search":
		if len(rest) == 0 || rest[0] != "rebuild" {
			return usagef("search takes the sub-command rebuild")
		}
		if err := noArgs("search rebuild", rest[1:]); err != nil {
			return err
		}
		return searchRebuild(ctx, flags, stdout, logger)
	case "bench":
		if len(rest) == 0 || rest[0] != "generate" {
			return usagef("bench takes the sub-command generate")
		}
		if err := noArgs("bench generate", rest[1:]); err != nil {
			return err
		}
		return benchGenerate(ctx, flags, stdout, logger)
	case "help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return usagef("unknown command %q", cmd)
}

func noArgs(cmd string, rest []string) error {
	if len(rest) > 0 {
		return usagef("%s takes no argument, got %q", cmd, rest[0])
	}
	return nil
}

// flagErr turns a flag-parsing failure into a usage error (status 2);
// the flag package has already said what was wrong and listed the flags.
func flagErr(err error) error {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	var ue *usageError
	if errors.As(err, &ue) {
		return err
	}
	return &usageError{}
}

const usage = `Usage:
  maillage [serve]            run the server (the default command)
  maillage migrate            apply migrations and exit
  maillage user create --email E --name N [--password P] [--admin] [--curator] [--token]
  maillage demo               load the demo dataset into an empty database
  maillage backup FILE        consistent online backup (SQLite) / pg_dump advice (PostgreSQL)
  maillage search rebuild     rebuild the search index from the database (running servers follow)
  maillage bench generate [--profile tiny|smoke|large] [--seed N]
                              fill an empty database with a generated data set for benchmarks
Flags may come before or after the command.
Run "maillage serve -h" for settings and their environment variables.
`
