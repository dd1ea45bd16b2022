// Package app wires Maillage together: it opens the store, builds the
// services, starts the jobs worker and mounts the web and API front ends.
// It holds no rules of its own. Main is a value so end-to-end tests boot
// the real program on a free port with a temporary database.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/maillage/maillage/internal/api"
	"github.com/maillage/maillage/internal/auth"
	"github.com/maillage/maillage/internal/config"
	"github.com/maillage/maillage/internal/demo"
	"github.com/maillage/maillage/internal/files"
	"github.com/maillage/maillage/internal/i18n"
	"github.com/maillage/maillage/internal/jobs"
	"github.com/maillage/maillage/internal/mail"
	"github.com/maillage/maillage/internal/service"
	"github.com/maillage/maillage/internal/store"
)

// Main is one running Maillage.
type Main struct {
	Config config.Config
	Logger *slog.Logger
	// HashParams overrides the password hashing cost (tests use a cheap one).
	HashParams *auth.Params
	// Mailer overrides the mailer built from the configuration (tests).
	Mailer mail.Mailer
	// APILimits overrides the API's request budgets (tests that make
	// thousands of calls); zero fields keep the defaults.
	APILimits api.Limits

	DB       *store.DB
	Service  *service.Service
	Worker   *jobs.Worker
	Notifier *service.Notifier
	Bundle   *i18n.Bundle
	Handler  http.Handler
	listener net.Listener
	server   *http.Server
	// DemoSummary is set when the demo dataset was loaded at start-up.
	DemoSummary *demo.Summary
}

// OpenStore opens and migrates the database alone, for commands that need
// nothing else (migrate, backup, user create, demo).
func (m *Main) OpenStore(ctx context.Context) error {
	if m.Logger == nil {
		m.Logger = slog.Default()
	}
	db, err := store.Open(ctx, store.Options{DataDir: m.Config.DataDir, URL: m.Config.DatabaseURL})
	if err != nil {
		return fmt.Errorf("open database: %w", err)
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return err
	}
	m.DB = db
	params := auth.DefaultParams()
	if m.HashParams != nil {
		params = *m.HashParams
	}
	bundle, err := i18n.New()
	if err != nil {
		return fmt.Errorf("translations: %w", err)
	}
	m.Bundle = bundle
	if err := params.Validate(); err != nil {
		return fmt.Errorf("password hashing: %w", err)
	}
	hasher := auth.NewHasher(params, 2)
	storage, err := files.NewDisk(filepath.Join(m.Config.DataDir, "files"))
	if err != nil {
		return fmt.Errorf("file storage: %w", err)
	}
	m.Service = service.New(service.Options{DB: db, Hasher: hasher, BaseURL: m.Config.BaseURL, Logger: m.Logger, Files: storage})
	return nil
}

// Open prepares everything the server needs and starts listening on
// Config.Addr (":0" picks a free port; see URL).
func (m *Main) Open(ctx context.Context) error {
	if err := m.OpenStore(ctx); err != nil {
		return err
	}
	if m.Config.Demo {
		sum, err := demo.Load(ctx, m.Service)
		switch {
		case errors.Is(err, demo.ErrNotEmpty):
			m.Logger.Info("demo: the database already has data; nothing loaded")
		case err != nil:
			return fmt.Errorf("demo: %w", err)
		default:
			m.DemoSummary = sum
		}
	}
	mailer := m.Mailer
	if mailer == nil {
		var err error
		mailer, err = mail.New(m.Config.SMTPURL, filepath.Join(m.Config.DataDir, "outbox"), m.Config.MailFrom)
		if err != nil {
			return fmt.Errorf("mail: %w", err)
		}
	}
	emails := &service.Mailer{Mail: mailer, Bundle: m.Bundle, From: m.Config.MailFrom, BaseURL: m.Config.BaseURL}
	m.Worker = &jobs.Worker{DB: m.DB, Logger: m.Logger, Handlers: map[string]jobs.Handler{
		service.JobEmail:        emails.Handle,
		service.JobLinkPreviews: m.Service.HandleLinkPreviews,
		service.JobDeleteFiles:  m.Service.DeleteStoredFiles,
	}}
	m.Worker.Handlers[service.JobRecruitmentEmail] = (&service.RecruitmentMailer{Service: m.Service, Mailer: emails}).Handle
	// Notifications: the fan-out of events, their emails and the digests.
	m.Notifier = &service.Notifier{Service: m.Service, Mailer: emails, Logger: m.Logger}
	for kind, h := range m.Notifier.Handlers() {
		m.Worker.Handlers[kind] = h
	}

	h, err := m.handler()
	if err != nil {
		return err
	}
	m.Handler = h
	ln, err := net.Listen("tcp", m.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", m.Config.Addr, err)
	}
	m.listener = ln
	m.server = &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(m.Logger.Handler(), slog.LevelWarn),
	}
	return nil
}

// URL is where the server listens, for messages and tests.
func (m *Main) URL() string {
	if m.listener == nil {
		return ""
	}
	addr := m.listener.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(addr.Port))
}

// Run serves requests and runs background jobs until ctx is cancelled,
// then shuts down gracefully.
func (m *Main) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		m.Worker.Run(ctx)
	}()
	go m.maintain(ctx)
	// The search index is built while the server already answers:
	// /healthz says the server is up, /readyz waits for the index, and a
	// search that comes meanwhile waits for the build. Then the index
	// follows the change log, which keeps an idle node current too
	// (searches also catch up before they answer).
	go func() {
		if _, err := m.Service.SearchIndex().Build(ctx); err != nil && ctx.Err() == nil {
			m.Logger.Error("search index", "err", err)
		}
		m.Service.SearchIndex().Follow(ctx, time.Second)
	}()
	// The relation graph likewise: built after the search index (the
	// two loads would compete for the same database), then rebuilt when
	// the change log moves.
	go func() {
		for !m.Service.SearchIndex().Ready(time.Hour) && ctx.Err() == nil {
			time.Sleep(100 * time.Millisecond)
		}
		if _, err := m.Service.GraphIndex().Build(ctx); err != nil && ctx.Err() == nil {
			m.Logger.Error("relation graph", "err", err)
		}
		m.Service.GraphIndex().Follow(ctx, 2*time.Second)
	}()
	// Digests are queued as they fall due; the worker sends them.
	go m.Notifier.ScheduleDigests(ctx, 10*time.Minute)
	// Meeting reminders are queued a day before each date, as notifications.
	go m.Service.ScheduleMeetingReminders(ctx, 10*time.Minute)
	errc := make(chan error, 1)
	go func() { errc <- m.server.Serve(m.listener) }()
	select {
	case err := <-errc:
		cancel()
		<-done
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, stop := context.WithTimeout(context.Background(), 15*time.Second)
	defer stop()
	err := m.server.Shutdown(shutdown)
	<-done
	return err
}

// maintain removes expired sessions, used links and old finished jobs every hour.
func (m *Main) maintain(ctx context.Context) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		now := m.DB.Now()
		if err := m.DB.DeleteExpired(ctx, now); err != nil && ctx.Err() == nil {
			m.Logger.Warn("maintenance: expired rows", "err", err)
		}
		if err := m.DB.PurgeJobs(ctx, now.Add(-30*24*time.Hour)); err != nil && ctx.Err() == nil {
			m.Logger.Warn("maintenance: old jobs", "err", err)
		}
		// A node that falls a day behind the change log rebuilds at start.
		if _, err := m.DB.PruneSearchChanges(ctx, now.Add(-24*time.Hour)); err != nil && ctx.Err() == nil {
			m.Logger.Warn("maintenance: search change log", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Close releases the database.
func (m *Main) Close() error {
	if m.DB != nil {
		return m.DB.Close()
	}
	return nil
}

// sessions configures cookie sessions kept in the database.
func (m *Main) sessions() *scs.SessionManager {
	s := scs.New()
	s.Store = store.SessionStore{DB: m.DB}
	s.Lifetime = 30 * 24 * time.Hour
	s.IdleTimeout = 14 * 24 * time.Hour
	// A stolen copy of the sessions table must not let anyone in.
	s.HashTokenInStore = true
	s.Cookie.Name = "maillage_session"
	s.Cookie.HttpOnly = true
	s.Cookie.SameSite = http.SameSiteLaxMode
	s.Cookie.Path = "/"
	if u, err := url.Parse(m.Config.BaseURL); err == nil && u.Scheme == "https" {
		s.Cookie.Secure = true
	}
	return s
}
