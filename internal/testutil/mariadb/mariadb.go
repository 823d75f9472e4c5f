// Package mariadb starts a throwaway MariaDB (or MySQL) server for tests and
// reads a database's information_schema back into a *schema.Schema, so that
// tests can compare what a real server did with what the simulator
// predicted.
//
// Start skips the test when no server binary is installed; every other
// problem fails it. Each call starts its own server on a free loopback port
// with its data directory under t.TempDir(), and stops it in t.Cleanup.
package mariadb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
)

// Database is the scratch database Start creates.
const Database = "guardian"

// startTimeout bounds data directory creation and server start-up.
const startTimeout = 60 * time.Second

// searchDirs are looked at after PATH: distribution packages install the
// server in sbin, which is often missing from a test's PATH.
var searchDirs = []string{"/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/usr/local/mysql/bin"}

// find returns the first of names found on PATH or in searchDirs.
func find(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	for _, n := range names {
		for _, d := range searchDirs {
			p := filepath.Join(d, n)
			if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
				return p
			}
		}
	}
	return ""
}

// MySQL 8's default sql_mode; the server is started with it so that strict
// behaviour (invalid defaults, zero dates) matches what the simulator models.
const mysql8SQLMode = "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"

// startAttempts is how many times Start tries to bring a server up. A data
// directory that fails to install or a server that dies during start-up
// (seen when several test binaries start servers at once) is retried with a
// fresh data directory and port.
const startAttempts = 3

// Start starts a private server and returns the DSN (go-sql-driver/mysql
// format) of a fresh, empty scratch database named Database. The server uses
// utf8mb4 as its default character set and MySQL 8's default sql_mode. It
// is stopped and its files removed when the test ends. Start calls t.Skip
// only when no server binary exists.
func Start(t testing.TB) (dsn string) {
	t.Helper()
	server := find("mariadbd", "mysqld")
	if server == "" {
		t.Skip("mariadb: no mariadbd or mysqld binary on PATH or in /usr/sbin, /usr/bin")
	}
	out, err := exec.Command(server, "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("mariadb: %s --version: %v\n%s", server, err, out)
	}
	isMariaDB := bytes.Contains(bytes.ToLower(out), []byte("mariadb"))
	for attempt := 1; ; attempt++ {
		dsn, retry, err := launch(t, server, isMariaDB)
		if err == nil {
			return dsn
		}
		if !retry || attempt >= startAttempts {
			t.Fatalf("mariadb: %v", err)
		}
		t.Logf("mariadb: attempt %d failed, retrying: %v", attempt, err)
	}
}

// launch creates a data directory, starts the server on a free port, waits
// for it and creates the scratch database. retry reports a failure worth
// another attempt (the server died while starting).
func launch(t testing.TB, server string, isMariaDB bool) (dsn string, retry bool, err error) {
	root := t.TempDir()
	dataDir := filepath.Join(root, "data")
	// Unix socket paths are limited to about 100 bytes; t.TempDir() paths
	// can be longer, so the socket lives in a short directory of its own.
	sockDir, err := os.MkdirTemp("", "gmdb")
	if err != nil {
		return "", false, fmt.Errorf("socket directory: %w", err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	socket := filepath.Join(sockDir, "s")

	// A private tmpdir: concurrent servers (and installers) sharing /tmp
	// collide on temporary table names.
	tmpDir := filepath.Join(root, "tmp")
	if err := os.Mkdir(tmpDir, 0o700); err != nil {
		return "", false, fmt.Errorf("tmpdir: %w", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	if err := initDataDir(ctx, server, isMariaDB, dataDir, root, tmpDir); err != nil {
		return "", true, err
	}
	port, err := freePort()
	if err != nil {
		return "", false, err
	}
	errLog := filepath.Join(root, "error.log")
	args := []string{
		"--no-defaults",
		"--datadir=" + dataDir,
		"--socket=" + socket,
		fmt.Sprintf("--port=%d", port),
		"--bind-address=127.0.0.1",
		"--pid-file=" + filepath.Join(root, "server.pid"),
		"--log-error=" + errLog,
		"--character-set-server=utf8mb4",
		"--sql-mode=" + mysql8SQLMode,
		"--innodb-buffer-pool-size=32M",
		// Native AIO contexts are a machine-wide limit (fs.aio-max-nr) that
		// several test servers can exhaust; the tests need no AIO.
		"--innodb-use-native-aio=OFF",
		"--skip-log-bin",
		"--tmpdir=" + tmpDir,
	}
	if isMariaDB {
		args = append(args, "--skip-grant-tables", "--collation-server=utf8mb4_general_ci", "--innodb-log-file-size=16M")
	} else {
		args = append(args, "--collation-server=utf8mb4_0900_ai_ci", "--mysqlx=OFF")
	}
	args = append(args, userFlag()...)
	cmd := exec.Command(server, args...)
	var console bytes.Buffer
	cmd.Stdout, cmd.Stderr = &console, &console
	if err := cmd.Start(); err != nil {
		return "", false, fmt.Errorf("start %s: %w", server, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { stop(t, cmd, exited) })

	cfg := mysql.NewConfig()
	cfg.User = "root"
	cfg.Net = "tcp"
	cfg.Addr = fmt.Sprintf("127.0.0.1:%d", port)
	cfg.MultiStatements = true
	cfg.ParseTime = true
	admin, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return "", false, err
	}
	defer admin.Close()
	for {
		pingCtx, pingCancel := context.WithTimeout(ctx, time.Second)
		err = admin.PingContext(pingCtx)
		pingCancel()
		if err == nil {
			break
		}
		select {
		case werr := <-exited:
			exited <- werr // let stop see it
			return "", true, fmt.Errorf("server exited during start-up: %v\n%s\n%s", werr, console.String(), tail(errLog))
		case <-ctx.Done():
			return "", false, fmt.Errorf("server did not answer within %v: %v\n%s", startTimeout, err, tail(errLog))
		case <-time.After(100 * time.Millisecond):
		}
	}
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE `"+Database+"` DEFAULT CHARACTER SET utf8mb4"); err != nil {
		return "", false, fmt.Errorf("create scratch database: %w", err)
	}
	cfg.DBName = Database
	return cfg.FormatDSN(), false, nil
}

// initDataDir creates a fresh data directory.
func initDataDir(ctx context.Context, server string, isMariaDB bool, dataDir, root, tmpDir string) error {
	var cmd *exec.Cmd
	if isMariaDB {
		installer := find("mariadb-install-db", "mysql_install_db")
		if installer == "" {
			return errors.New("mariadbd found but no mariadb-install-db or mysql_install_db")
		}
		args := append([]string{"--no-defaults", "--datadir=" + dataDir, "--auth-root-authentication-method=normal", "--skip-test-db",
			"--tmpdir=" + tmpDir}, userFlag()...)
		cmd = exec.CommandContext(ctx, installer, args...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v\n%s", installer, err, out)
		}
		return nil
	}
	cmd = exec.CommandContext(ctx, server, append([]string{"--no-defaults", "--initialize-insecure", "--datadir=" + dataDir, "--tmpdir=" + tmpDir,
		"--log-error=" + filepath.Join(root, "init.log")}, userFlag()...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s --initialize-insecure: %v\n%s\n%s", server, err, out, tail(filepath.Join(root, "init.log")))
	}
	return nil
}

// stop terminates the server started by this helper (by its own process
// handle) and waits for it, killing it if it does not stop in time.
func stop(t testing.TB, cmd *exec.Cmd, exited chan error) {
	select {
	case <-exited:
		return
	default:
	}
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(20 * time.Second):
		t.Logf("mariadb: server did not stop after SIGTERM; killing it")
		_ = cmd.Process.Kill()
		<-exited
	}
}

// userFlag lets the server run as root when the tests do (containers); the
// server refuses to start as root without it.
func userFlag() []string {
	if os.Geteuid() == 0 {
		return []string{"--user=root"}
	}
	return nil
}

// freePort asks the kernel for a free loopback TCP port.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// tail returns the last lines of a log file, for failure messages.
func tail(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > 30 {
		lines = lines[len(lines)-30:]
	}
	return strings.Join(lines, "\n")
}

// Open opens the DSN returned by Start and closes the handle when the test
// ends.
func Open(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatalf("mariadb: open: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
