package main

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/demo"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

func serve(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	cfg, err := config.Load(flag.NewFlagSet("serve", flag.ContinueOnError), (*config.Config).ServeFlags, args)
	if err != nil {
		return err
	}
	m := &app.Main{Config: cfg, Logger: logger}
	defer m.Close()
	if err := m.Open(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Maillage listens at %s (public URL %s)\n", m.URL(), cfg.BaseURL)
	if m.DemoSummary != nil {
		fmt.Fprintf(stdout, "Demo data loaded: %s\nSign in as %s with the password %s\n",
			m.DemoSummary, demo.DemoEmail, demo.DemoPassword)
	} else if cfg.Demo {
		fmt.Fprintf(stdout, "Demo sign-in (if this database holds the demo): %s / %s\n", demo.DemoEmail, demo.DemoPassword)
	}
	return m.Run(ctx)
}

// storeCommand parses the shared storage flags and opens the store.
func storeCommand(ctx context.Context, name string, args []string, logger *slog.Logger, extra func(*flag.FlagSet)) (*app.Main, *flag.FlagSet, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	if extra != nil {
		extra(fs)
	}
	cfg, err := config.Load(fs, (*config.Config).StorageFlags, args)
	if err != nil {
		return nil, nil, err
	}
	m := &app.Main{Config: cfg, Logger: logger}
	if err := m.OpenStore(ctx); err != nil {
		return nil, nil, err
	}
	return m, fs, nil
}

func migrate(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	m, _, err := storeCommand(ctx, "migrate", args, logger, nil)
	if err != nil {
		return err
	}
	defer m.Close()
	fmt.Fprintf(stdout, "migrations applied (%s)\n", m.DB.Dialect())
	return nil
}

func userCreate(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	var email, name, password string
	var admin, token bool
	m, _, err := storeCommand(ctx, "user create", args, logger, func(fs *flag.FlagSet) {
		fs.StringVar(&email, "email", "", "email address (required)")
		fs.StringVar(&name, "name", "", "full name (required)")
		fs.StringVar(&password, "password", "", "password; a random one is generated and printed when empty")
		fs.BoolVar(&admin, "admin", false, "make the user an administrator")
		fs.BoolVar(&token, "token", false, "also create an API token and print it alone on the last line")
	})
	if err != nil {
		return err
	}
	defer m.Close()
	generated := password == ""
	if generated {
		password = randomPassword()
	}
	u, err := m.Service.CreateUser(ctx, maillage.SignUpInput{Email: email, Name: name, Password: password}, admin)
	if err != nil {
		return describe(m, err)
	}
	fmt.Fprintf(stdout, "user created: %s <%s> id=%s admin=%v\n", u.Name, u.Email, u.ID, admin)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n", password)
	}
	if token {
		v, _, err := m.Service.Viewer(ctx, u.ID)
		if err != nil {
			return err
		}
		plain, _, err := m.Service.CreateToken(ctx, v, "maillage user create")
		if err != nil {
			return describe(m, err)
		}
		fmt.Fprintln(stdout, plain)
	}
	return nil
}

func loadDemo(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	m, _, err := storeCommand(ctx, "demo", args, logger, nil)
	if err != nil {
		return err
	}
	defer m.Close()
	sum, err := demo.Load(ctx, m.Service)
	if errors.Is(err, demo.ErrNotEmpty) {
		return errors.New("the database is not empty: the demo loads only into a new database")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo data loaded: %s\nsign in as %s with the password %s\n", sum, demo.DemoEmail, demo.DemoPassword)
	return nil
}

func backup(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	// Accept the file before or after the flags ("backup FILE --data d").
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		args = append(args[1:], args[0])
	}
	m, fs, err := storeCommand(ctx, "backup", args, logger, nil)
	if err != nil {
		return err
	}
	defer m.Close()
	if fs.NArg() != 1 {
		return errors.New("usage: maillage backup FILE")
	}
	file := fs.Arg(0)
	err = m.DB.Backup(ctx, file)
	if errors.Is(err, store.ErrBackupPostgres) {
		return fmt.Errorf("this Maillage uses PostgreSQL: back it up with\n  pg_dump --format=custom --file=%s \"$MAILLAGE_DATABASE_URL\"\nand restore with pg_restore (see the README)", file)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s\n", file)
	return nil
}

// describe turns a domain error into a line for the terminal, in English.
func describe(m *app.Main, err error) error {
	e := maillage.AsError(err)
	if e.Code == maillage.CodeInternal {
		return err
	}
	loc := m.Bundle.Localizer("en")
	var parts []string
	for _, f := range e.Fields {
		parts = append(parts, "--"+f.Field+": "+loc.T(f.MessageID, f.Data))
	}
	if len(parts) == 0 {
		parts = append(parts, loc.T(e.MessageID, e.Data))
	}
	return errors.New(strings.Join(parts, "; "))
}

func randomPassword() string {
	b := make([]byte, 15)
	rand.Read(b)
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b))
}
