// Package config holds Maillage's settings: defaults, environment
// variables and command-line flags, in that order of precedence (a flag
// wins over the environment, which wins over the default). There are no
// package-level settings: a Config value travels to whoever needs it.
package config

import (
	"errors"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"
)

// Config is the whole of Maillage's settings.
type Config struct {
	Addr        string // listen address
	DataDir     string // SQLite file, uploads, outbox
	DatabaseURL string // postgres://...; empty = SQLite in DataDir
	SMTPURL     string // smtp://user:pass@host:port; empty = .eml files in DataDir/outbox
	BaseURL     string // public URL used in emails and feeds
	Demo        bool   // load the demo dataset into an empty database
	MailFrom    string // sender address of outgoing email
	// TrustProxy takes the client address from X-Forwarded-For, for
	// deployments behind a reverse proxy.
	TrustProxy bool
}

// Default returns the settings used when nothing is said.
func Default() Config {
	return Config{
		Addr:     ":8080",
		DataDir:  "./data",
		BaseURL:  "http://localhost:8080",
		MailFrom: "Maillage <no-reply@localhost>",
	}
}

// FromEnv applies the MAILLAGE_* environment variables to c, reading them
// through getenv (os.Getenv in the program, a map in tests).
func (c *Config) FromEnv(getenv func(string) string) {
	set := func(dst *string, name string) {
		if v := getenv(name); v != "" {
			*dst = v
		}
	}
	set(&c.Addr, "MAILLAGE_ADDR")
	set(&c.DataDir, "MAILLAGE_DATA")
	set(&c.DatabaseURL, "MAILLAGE_DATABASE_URL")
	set(&c.SMTPURL, "MAILLAGE_SMTP_URL")
	set(&c.BaseURL, "MAILLAGE_BASE_URL")
	set(&c.MailFrom, "MAILLAGE_MAIL_FROM")
	if v := getenv("MAILLAGE_DEMO"); v != "" {
		c.Demo = isTrue(v)
	}
	if v := getenv("MAILLAGE_TRUST_PROXY"); v != "" {
		c.TrustProxy = isTrue(v)
	}
}

func isTrue(v string) bool {
	switch strings.ToLower(v) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

// StorageFlags registers the settings every command shares (where the data is).
func (c *Config) StorageFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.DataDir, "data", c.DataDir, "data folder (SQLite file, uploads, outbox) [MAILLAGE_DATA]")
	fs.StringVar(&c.DatabaseURL, "database-url", c.DatabaseURL, "postgres://... ; empty = SQLite in the data folder [MAILLAGE_DATABASE_URL]")
}

// ServeFlags registers the server's settings.
func (c *Config) ServeFlags(fs *flag.FlagSet) {
	c.StorageFlags(fs)
	fs.StringVar(&c.Addr, "addr", c.Addr, "listen address [MAILLAGE_ADDR]")
	fs.StringVar(&c.SMTPURL, "smtp-url", c.SMTPURL, "smtp://user:pass@host:port ; empty = emails written as .eml files under <data>/outbox/ [MAILLAGE_SMTP_URL]")
	fs.StringVar(&c.BaseURL, "base-url", c.BaseURL, "public URL used in emails and feeds [MAILLAGE_BASE_URL]")
	fs.BoolVar(&c.Demo, "demo", c.Demo, "load the demo dataset if the database is empty [MAILLAGE_DEMO=1]")
	fs.StringVar(&c.MailFrom, "mail-from", c.MailFrom, "sender of outgoing email [MAILLAGE_MAIL_FROM]")
	fs.BoolVar(&c.TrustProxy, "trust-proxy", c.TrustProxy, "take client addresses from X-Forwarded-For [MAILLAGE_TRUST_PROXY]")
}

// Validate checks the settings and says plainly what is wrong.
func (c Config) Validate() error {
	var errs []error
	if c.DatabaseURL == "" && c.DataDir == "" {
		errs = append(errs, errors.New("--data must name a folder when no --database-url is given"))
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		errs = append(errs, errors.New("--database-url must start with postgres://"))
	}
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Host == "" {
			errs = append(errs, errors.New("--smtp-url must look like smtp://user:pass@host:port"))
		}
	}
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("--base-url %q must be an absolute http(s) URL", c.BaseURL))
	}
	return errors.Join(errs...)
}

// ErrBadFlag marks an error of Load that comes from the flags themselves
// (an unknown flag, a missing value), as opposed to settings that parse but
// are not valid.
var ErrBadFlag = errors.New("bad flag")

// Load builds the configuration of a command from defaults, the process
// environment and the command's flags. A flag that does not parse gives an
// error wrapping ErrBadFlag; -h gives flag.ErrHelp.
func Load(fs *flag.FlagSet, register func(*Config, *flag.FlagSet), argv []string) (Config, error) {
	c := Default()
	c.FromEnv(os.Getenv)
	register(&c, fs)
	if err := fs.Parse(argv); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, fmt.Errorf("%w: %w", ErrBadFlag, err)
	}
	return c, c.Validate()
}
