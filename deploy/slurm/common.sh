# Shared by up.sh, down.sh and smoke.sh: where the local cluster keeps its state, and small helpers.
# Sourced, not run.
# shellcheck shell=bash disable=SC2034  # the variables are used by the scripts that source this

# Everything the cluster writes (controller state, slurmd spool, logs, recorded PIDs) lives here,
# outside the repository, so the same cluster is found whichever checkout runs the scripts.
HACASIM_SLURM_DIR="${HACASIM_SLURM_DIR:-/var/lib/hacasim-slurm}"
SLURM_CONF=/etc/slurm/slurm.conf
PID_DIR="$HACASIM_SLURM_DIR/run"
LOG_DIR="$HACASIM_SLURM_DIR/log"

_t0=$SECONDS
say() { printf '[slurm %3ds] %s\n' "$((SECONDS - _t0))" "$*"; }
die() { printf '[slurm %3ds] ERROR: %s\n' "$((SECONDS - _t0))" "$*" >&2; exit 1; }

# pid_alive PID NAME: true when PID is a live process whose command name is NAME. Checking the
# name guards against a recorded PID that was reused by an unrelated process after a restart.
pid_alive() {
    local pid="$1" name="$2"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ -r "/proc/$pid/comm" ]] || return 1
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" == "$name" ]]
}

# recorded_pid NAME: the PID up.sh recorded for NAME, if that process is still alive.
recorded_pid() {
    local name="$1" f="$PID_DIR/$1.pid" pid
    [[ -r "$f" ]] || return 1
    pid="$(tr -dc '0-9' <"$f")"
    pid_alive "$pid" "$name" || return 1
    printf '%s\n' "$pid"
}
