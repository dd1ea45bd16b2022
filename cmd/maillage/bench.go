package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/maillage/maillage/internal/app"
	"github.com/maillage/maillage/internal/benchgen"
	"github.com/maillage/maillage/internal/config"
)

// benchFlags are the flags of `maillage bench generate`.
type benchFlags struct {
	profile    string
	seed       uint64
	dictionary string
}

func (b *benchFlags) register(fs *flag.FlagSet) {
	names := make([]string, 0, 3)
	for _, p := range benchgen.Profiles() {
		names = append(names, p.Name)
	}
	fs.StringVar(&b.profile, "profile", "smoke", "size of the data set: "+strings.Join(names, ", "))
	fs.Uint64Var(&b.seed, "seed", benchgen.DefaultSeed, "seed of every random choice: the same seed gives the same data")
	fs.StringVar(&b.dictionary, "dictionary", benchgen.DefaultDictionary,
		"French word list for the long tail of the text (Debian package wfrench); the embedded words alone when absent")
}

// benchGenerate fills an empty database with a generated data set for
// the benchmarks (docs/benchmarks.md).
func benchGenerate(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	var f benchFlags
	cfg, err := loadConfig("bench generate", func(c *config.Config, fs *flag.FlagSet) {
		c.StorageFlags(fs)
		f.register(fs)
	}, args)
	if err != nil {
		return err
	}
	// A wrong profile is refused before the database is touched.
	profile, ok := benchgen.ProfileNamed(f.profile)
	if !ok {
		return usagef("bench generate: unknown profile %q", f.profile)
	}
	m := &app.Main{Config: cfg, Logger: logger}
	if err := m.OpenStore(ctx); err != nil {
		return err
	}
	defer m.Close()
	fmt.Fprintf(stdout, "generating the %s profile (%d people, %d organizations, %d notes) into %s\n",
		profile.Name, profile.People, profile.Organizations, profile.Notes, m.DB.Dialect())
	sum, err := benchgen.Generate(ctx, m.Service, benchgen.Options{Profile: profile, Seed: f.seed, Dictionary: f.dictionary, Log: stdout})
	if errors.Is(err, benchgen.ErrNotEmpty) {
		return fmt.Errorf("%w: bench generate fills only a new, empty database (give another --data folder or --database-url)", err)
	}
	if err != nil {
		return err
	}
	sum.Write(stdout)
	return nil
}
