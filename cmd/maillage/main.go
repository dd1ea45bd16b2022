// Command maillage runs the Maillage server and its maintenance commands:
//
//	maillage [serve]            run the server (the default command)
//	maillage migrate            apply migrations and exit
//	maillage user create --email E --name N [--password P] [--admin] [--token]
//	maillage demo               load the demo dataset into an empty database
//	maillage backup FILE        consistent online backup (SQLite)
//
// Settings come from flags, then MAILLAGE_* environment variables, then
// defaults; run `maillage serve -h` for the list.
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
	defer stop()
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if err := run(ctx, os.Args[1:], os.Stdout, logger); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "maillage:", err)
		os.Exit(1)
	}
}

// run dispatches to a command. It is separate from main so tests run the
// real commands with their own arguments and output.
func run(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	cmd := "serve"
	if len(args) > 0 && (args[0] == "" || args[0][0] != '-') {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return serve(ctx, args, stdout, logger)
	case "migrate":
		return migrate(ctx, args, stdout, logger)
	case "user":
		if len(args) == 0 || args[0] != "create" {
			return errors.New("usage: maillage user create --email E --name N [--password P] [--admin] [--token]")
		}
		return userCreate(ctx, args[1:], stdout, logger)
	case "demo":
		return loadDemo(ctx, args, stdout, logger)
	case "backup":
		return backup(ctx, args, stdout, logger)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown command %q\n%s", cmd, usage)
}

const usage = `Usage:
  maillage [serve]            run the server (the default command)
  maillage migrate            apply migrations and exit
  maillage user create --email E --name N [--password P] [--admin] [--token]
  maillage demo               load the demo dataset into an empty database
  maillage backup FILE        consistent online backup (SQLite) / pg_dump advice (PostgreSQL)
Run "maillage serve -h" for settings and their environment variables.
`
