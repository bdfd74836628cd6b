// Command ferretdb runs FerretDB 1.x (MongoDB wire protocol over SQLite) for the read-model
// integration specs. It embeds FerretDB's public `ferretdb` package instead of building
// `cmd/ferretdb` from the module zip, whose generated version file is missing and makes that
// binary panic at start-up.
//
// Settings (environment):
//
//	FERRETDB_PORT      TCP port on 127.0.0.1 (default 27018)
//	FERRETDB_DATA_DIR  directory for the SQLite files (default: a new temporary directory)
//	FERRETDB_LOG_LEVEL debug, info, warn or error (default warn)
//
// It only listens on the loopback interface and never sends telemetry (the embedded package
// disables and locks it). SIGINT or SIGTERM stop it cleanly.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "ferretdb: %s\n", err)
		os.Exit(1)
	}
}

func run() error {
	port, err := portFromEnv()
	if err != nil {
		return err
	}

	level, err := levelFromEnv()
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	dir, cleanup, err := dataDir()
	if err != nil {
		return err
	}
	defer cleanup()

	address := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	instance, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: address},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + filepath.ToSlash(dir) + "/",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	logger.Warn("FerretDB listening", "address", address, "data", dir)
	return instance.Run(ctx)
}

func portFromEnv() (int, error) {
	raw := os.Getenv("FERRETDB_PORT")
	if raw == "" {
		return 27018, nil
	}
	port, err := strconv.Atoi(raw)
	if err != nil || port < 1 || port > 65535 {
		return 0, fmt.Errorf("FERRETDB_PORT=%q must be a port number from 1 to 65535", raw)
	}
	return port, nil
}

func levelFromEnv() (slog.Level, error) {
	raw := os.Getenv("FERRETDB_LOG_LEVEL")
	if raw == "" {
		return slog.LevelWarn, nil
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(raw)); err != nil {
		return 0, fmt.Errorf("FERRETDB_LOG_LEVEL=%q must be debug, info, warn or error", raw)
	}
	return level, nil
}

// dataDir returns the directory for the SQLite files and what to do on exit: a given directory is
// created when missing and kept; a temporary one is removed.
func dataDir() (string, func(), error) {
	if dir := os.Getenv("FERRETDB_DATA_DIR"); dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return "", nil, err
		}
		if err := os.MkdirAll(abs, 0o700); err != nil {
			return "", nil, fmt.Errorf("FERRETDB_DATA_DIR: %w", err)
		}
		return abs, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "c360-ferretdb-")
	if err != nil {
		return "", nil, err
	}
	return dir, func() { _ = os.RemoveAll(dir) }, nil
}
