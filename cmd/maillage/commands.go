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
	"os"
	"strings"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/demo"
	"github.com/maillage/maillage/internal/maillage"
	"github.com/maillage/maillage/internal/store"
)

func serve(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	cfg, err := loadConfig("serve", (*config.Config).ServeFlags, args)
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

// loadConfig reads a command's settings from its flags (already separated
// from its words by splitArgs), the environment and the defaults. A flag
// that does not parse is a usage error (status 2); -h lists the flags on
// stderr.
func loadConfig(name string, register func(*config.Config, *flag.FlagSet), flags []string) (config.Config, error) {
	fs := flag.NewFlagSet("maillage "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfg, err := config.Load(fs, register, flags)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(os.Stderr, "%s\nFlags of maillage %s:\n", usage, name)
		fs.SetOutput(os.Stderr)
		fs.PrintDefaults()
		return cfg, err
	case errors.Is(err, config.ErrBadFlag):
		return cfg, usagef("%s", strings.TrimPrefix(err.Error(), config.ErrBadFlag.Error()+": "))
	}
	return cfg, err
}

// storeCommand parses the shared storage flags, with the command's own
// (extra), and opens the store.
func storeCommand(ctx context.Context, name string, flags []string, logger *slog.Logger, extra func(*flag.FlagSet)) (*app.Main, error) {
	cfg, err := loadConfig(name, func(c *config.Config, fs *flag.FlagSet) {
		c.StorageFlags(fs)
		if extra != nil {
			extra(fs)
		}
	}, flags)
	if err != nil {
		return nil, err
	}
	m := &app.Main{Config: cfg, Logger: logger}
	if err := m.OpenStore(ctx); err != nil {
		return nil, err
	}
	return m, nil
}

func migrate(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	m, err := storeCommand(ctx, "migrate", args, logger, nil)
	if err != nil {
		return err
	}
	defer m.Close()
	fmt.Fprintf(stdout, "migrations applied (%s)\n", m.DB.Dialect())
	return nil
}

// userFlags are the flags of `maillage user create`.
type userFlags struct {
	email, name, password string
	admin, curator, token bool
}

func (u *userFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&u.email, "email", "", "email address (required)")
	fs.StringVar(&u.name, "name", "", "full name (required)")
	fs.StringVar(&u.password, "password", "", "password; a random one is generated and printed when empty")
	fs.BoolVar(&u.admin, "admin", false, "make the user an administrator")
	fs.BoolVar(&u.curator, "curator", false, "let the user curate the tag taxonomy (administrators have every curator right)")
	fs.BoolVar(&u.token, "token", false, "also create an API token and print it alone on the last line")
}

func userCreate(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	var f userFlags
	m, err := storeCommand(ctx, "user create", args, logger, f.register)
	if err != nil {
		return err
	}
	defer m.Close()
	password := f.password
	generated := password == ""
	if generated {
		password = randomPassword()
	}
	u, err := m.Service.CreateUser(ctx, maillage.SignUpInput{Email: f.email, Name: f.name, Password: password}, f.admin)
	if err != nil {
		return describe(m, err)
	}
	if f.curator {
		if err := m.Service.SetCuratorByOperator(ctx, u.ID, true); err != nil {
			return describe(m, err)
		}
	}
	fmt.Fprintf(stdout, "user created: %s <%s> id=%s admin=%v curator=%v\n", u.Name, u.Email, u.ID, f.admin, f.curator || f.admin)
	if generated {
		fmt.Fprintf(stdout, "password: %s\n", password)
	}
	if f.token {
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
	m, err := storeCommand(ctx, "demo", args, logger, nil)
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

func backup(ctx context.Context, file string, args []string, stdout io.Writer, logger *slog.Logger) error {
	m, err := storeCommand(ctx, "backup", args, logger, nil)
	if err != nil {
		return err
	}
	defer m.Close()
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
