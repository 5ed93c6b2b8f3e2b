#!/usr/bin/env bash
# Stops the local Slurm cluster that up.sh started: slurmd, slurmctld and (only if up.sh started
# it) munged, each by the PID up.sh recorded, and waits for them to exit. Daemons that up.sh did not
# start are left alone. Harmless when nothing is running. Packages, /etc/slurm/slurm.conf and the
# controller state are kept, so the next up.sh is quick.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"

STOP_TIMEOUT_SECONDS=30

stop() {
    local name="$1" pid i
    if ! pid="$(recorded_pid "$name")"; then
        rm -f "$PID_DIR/$name.pid"
        say "$name: not running (none started by up.sh)"
        return
    fi
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < STOP_TIMEOUT_SECONDS * 4; i++)); do
        if ! pid_alive "$pid" "$name"; then
            rm -f "$PID_DIR/$name.pid"
            say "$name stopped"
            return
        fi
        sleep 0.25
    done
    say "$name (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT_SECONDS}s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
    pid_alive "$pid" "$name" && die "$name (pid $pid) is still running"
    rm -f "$PID_DIR/$name.pid"
    say "$name killed"
}

[[ "$(id -u)" == 0 ]] || die "run as root (the daemons run as root or munge)"
say "HACA-sim local Slurm cluster: down"
# The node daemon first, then the controller, then munged, which both use to authenticate.
stop slurmd
stop slurmctld
stop munged
