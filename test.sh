#!/usr/bin/env bash
# Every test, on SQLite and PostgreSQL, on a fresh Debian machine that has only .NET:
#   ./test.sh                                          # everything
#   ./test.sh --filter "FullyQualifiedName~Startup"    # extra arguments go to dotnet test
#   ./test.sh --install-only                           # step 1 alone: install PostgreSQL, Chromium, LibreOffice, aiosmtpd
# 1. installs what the tests need from Debian's packages when missing (apt-get as root, sudo otherwise);
# 2. starts a throw-away PostgreSQL cluster of its own (temporary directory, free port, own socket directory),
#    never touching a server the machine already runs, and an SMTP sink (tests/tools/smtp_sink.py, free port) that
#    writes every message the reminder tests send as a .eml file (CHISO_TEST_SMTP, CHISO_TEST_SMTP_DIR);
# 3. runs every test project with dotnet test against it and prints one closing line "N passed, M failed";
# 4. always stops the cluster and the sink and deletes their directories (also on Ctrl-C).
# CI=true: nothing may be missing or skipped (CHISO_SKIP_* switches are ignored).
set -euo pipefail
cd "$(dirname "$0")"

install_only=false
if [[ "${1:-}" == "--install-only" ]]; then
  install_only=true
  shift
fi

ci=false
if [[ "${CI:-}" == "true" ]]; then
  ci=true
  # Local opt-outs never apply in CI.
  unset CHISO_SKIP_OFFICE_TESTS CHISO_SKIP_BROWSER_TESTS CHISO_SKIP_SMTP_TESTS
fi

say() { printf 'test.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

command -v dotnet >/dev/null || die "Cần .NET SDK (dotnet) trên PATH. / The .NET SDK (dotnet) must be on the PATH."

# --- 1. Packages -------------------------------------------------------------------------------------------
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing=()
[[ -n "$(postgres_bin)" && -x "$(postgres_bin)/initdb" ]] || missing+=(postgresql)
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
# The reminder tests mail through a local SMTP sink built on Debian's aiosmtpd (for the system python3).
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if [[ "${CHISO_SKIP_OFFICE_TESTS:-}" != "1" ]]; then
  # The document tests open generated DOCX/XLSX with /usr/bin/soffice, in Writer and in Calc.
  dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || dpkg -s libreoffice-calc >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
fi

if ((${#missing[@]} > 0)); then
  say "cài / installing: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  elif command -v sudo >/dev/null; then
    apt=(sudo env DEBIAN_FRONTEND=noninteractive apt-get)
  else
    die "Thiếu ${missing[*]} và không có quyền root hay sudo để cài. Hãy chạy (với quyền root): apt-get install ${missing[*]}
test.sh: Missing ${missing[*]}, and neither root nor sudo is available to install them. As root, run: apt-get install ${missing[*]}"
  fi
  if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; }; then
    die "Không cài được ${missing[*]}. / Could not install ${missing[*]}: apt-get install ${missing[*]}"
  fi
fi

pg_bin=$(postgres_bin)
[[ -n "$pg_bin" && -x "$pg_bin/initdb" ]] || die "Không tìm thấy initdb của PostgreSQL. / PostgreSQL's initdb was not found under /usr/lib/postgresql."
[[ -x /usr/bin/chromium ]] || die "Không tìm thấy /usr/bin/chromium. / /usr/bin/chromium is missing."
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || die "Không có aiosmtpd cho /usr/bin/python3 (apt-get install python3-aiosmtpd). / aiosmtpd is missing for /usr/bin/python3 (apt-get install python3-aiosmtpd)."
if [[ "${CHISO_SKIP_OFFICE_TESTS:-}" != "1" ]]; then
  [[ -x /usr/bin/soffice ]] || die "Không tìm thấy /usr/bin/soffice (LibreOffice). / /usr/bin/soffice (LibreOffice) is missing."
fi

if $install_only; then
  say "PostgreSQL: $("$pg_bin/postgres" --version); Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '?'); aiosmtpd: $(/usr/bin/python3 -c 'import aiosmtpd; print(aiosmtpd.__version__)')"
  exit 0
fi

# --- 2. A PostgreSQL cluster of our own --------------------------------------------------------------------
# PostgreSQL refuses to run as root: as root, the server runs as the unprivileged 'postgres' user (created by
# Debian's postgresql package).
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "Chạy bằng root nhưng không có người dùng 'postgres'. / Running as root but there is no 'postgres' user."
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cluster=$(mktemp -d "${TMPDIR:-/tmp}/chiso-test-pg.XXXXXX")
log=$(mktemp "${TMPDIR:-/tmp}/chiso-test-log.XXXXXX")
pg_started=false
mail_dir=$(mktemp -d "${TMPDIR:-/tmp}/chiso-test-mail.XXXXXX")
sink_pid=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if $pg_started; then
    as_pg "$pg_bin/pg_ctl" -D "$cluster/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$sink_pid" ]]; then
    kill "$sink_pid" 2>/dev/null || true
    wait "$sink_pid" 2>/dev/null || true
  fi
  rm -rf "$cluster" "$log" "$mail_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
printf '%s\n' "$password" >"$cluster/pwfile"
mkdir -p "$cluster/socket"
[[ $(id -u) -eq 0 ]] && chown -R postgres "$cluster"
chmod 700 "$cluster"
as_pg "$pg_bin/initdb" -D "$cluster/data" -U postgres --pwfile="$cluster/pwfile" --auth=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$cluster/initdb.log" 2>&1 || { cat "$cluster/initdb.log" >&2; die "initdb thất bại. / initdb failed."; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# A free port away from 5432; a port taken between the check and the start just means trying the next one.
for attempt in $(seq 1 20); do
  port=$((20000 + RANDOM % 40000))
  port_in_use "$port" && continue
  # Throw-away data: durability settings off make the suite faster.
  if as_pg "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 start \
      -o "-p $port -k $cluster/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null; then
    pg_started=true
    break
  fi
done
$pg_started || { cat "$cluster/server.log" >&2 || true; die "Không khởi động được PostgreSQL tạm. / The throw-away PostgreSQL did not start."; }
say "PostgreSQL tạm / throw-away PostgreSQL: 127.0.0.1:$port ($cluster)"

export CHISO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"

# --- 2b. An SMTP sink of our own ------------------------------------------------------------------------------
# The reminder tests send real SMTP to it and count the .eml files it writes (one folder per recipient domain).
sink_started=false
for attempt in $(seq 1 20); do
  smtp_port=$((20000 + RANDOM % 40000))
  port_in_use "$smtp_port" && continue
  /usr/bin/python3 tests/tools/smtp_sink.py --host 127.0.0.1 --port "$smtp_port" --dir "$mail_dir/messages" >"$mail_dir/sink.log" 2>&1 &
  sink_pid=$!
  for wait_step in $(seq 1 50); do
    port_in_use "$smtp_port" && { sink_started=true; break; }
    kill -0 "$sink_pid" 2>/dev/null || break
    sleep 0.1
  done
  $sink_started && break
  kill "$sink_pid" 2>/dev/null || true
  wait "$sink_pid" 2>/dev/null || true
  sink_pid=""
done
$sink_started || { cat "$mail_dir/sink.log" >&2 || true; die "Không khởi động được hộp thư thử SMTP. / The SMTP sink did not start."; }
say "SMTP thử / SMTP sink: 127.0.0.1:$smtp_port ($mail_dir/messages)"
export CHISO_TEST_SMTP="127.0.0.1:$smtp_port" CHISO_TEST_SMTP_DIR="$mail_dir/messages"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# --- 3. Every test project ---------------------------------------------------------------------------------
set +e
dotnet test "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one summary per test project ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, …"): add them up.
read -r passed failed skipped < <(awk '/(Passed|Failed)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
    gsub(",", ""); f += $4; p += $6; s += $8
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
if ((status != 0 && failed == 0)); then
  say "dotnet test kết thúc với mã $status (lỗi dựng hoặc tiến trình kiểm thử dừng đột ngột). / dotnet test exited with $status (a build error or an aborted test run)."
fi
if ((passed == 0)); then
  say "Không có kiểm thử nào chạy. / No test ran."
fi
if ((skipped > 0)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
((failed == 0 && passed > 0 && status == 0))
