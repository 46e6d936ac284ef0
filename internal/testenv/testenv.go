// Package testenv gives tests the outside programs the integration suites
// need: a PostgreSQL server and a Chromium browser.
//
// Each is named by an environment variable, which .ci/services sets. When
// it is missing a test skips with a message, except under CI=true, where a
// missing server or browser fails the test: CI must never pass by skipping
// the suites it exists to run.
package testenv

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgresEnv names the variable holding the address of a PostgreSQL
// server whose user may create databases.
const PostgresEnv = "PARALLAX_TEST_POSTGRES"

// ChromiumEnv names the variable holding the path of a Chromium binary.
const ChromiumEnv = "PARALLAX_TEST_CHROMIUM"

func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not set under CI=true: .ci/services should have set it", what)
	}
	t.Skipf("%s is not set; run `source .ci/services` to run this suite", what)
}

// Postgres creates a new, empty database on the server named by
// PARALLAX_TEST_POSTGRES, drops it when the test ends, and returns its
// address.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		missing(t, PostgresEnv)
	}
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "parallax_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", base, err)
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Logf("drop database %s: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Logf("drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// Chromium returns the path of the browser named by PARALLAX_TEST_CHROMIUM.
func Chromium(t testing.TB) string {
	t.Helper()
	p := os.Getenv(ChromiumEnv)
	if p == "" {
		missing(t, ChromiumEnv)
	}
	if _, err := exec.LookPath(p); err != nil {
		t.Fatalf("%s=%s: %v", ChromiumEnv, p, err)
	}
	return p
}
