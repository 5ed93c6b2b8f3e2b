#!/usr/bin/env bash
# Brings up a one-node Slurm cluster on this machine for tests and CI: installs Debian's Slurm and
# MUNGE if missing, writes /etc/slurm/slurm.conf for this host, starts munged, slurmctld and slurmd
# as plain background daemons (no systemd) and waits until the node is idle. Safe to run again:
# a cluster it already started is kept (restarted only if the configuration changed).
# Needs root on Debian 12 (Slurm 22.05). Stop it with down.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$here/common.sh"

READY_TIMEOUT_SECONDS="${HACASIM_SLURM_READY_TIMEOUT:-60}"
own_policy=0
DAEMON_START_TIMEOUT_SECONDS=20

[[ "$(id -u)" == 0 ]] || die "run as root (installs packages, writes /etc/slurm, starts daemons)"
[[ -r /etc/debian_version ]] || die "needs Debian (Debian 12 with Slurm 22.05 is what this was written for)"

# ---------------------------------------------------------------- packages
install_packages() {
    local missing=() p
    for p in munge slurmctld slurmd slurm-client; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
    done
    if ((${#missing[@]} == 0)); then
        say "packages present: munge slurmctld slurmd slurm-client"
        return
    fi
    say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Keep the packages' init scripts from starting daemons during the install: this script starts
    # and tracks its own. Only a policy we created is removed again.
    local policy=/usr/sbin/policy-rc.d
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod 755 "$policy"
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
        own_policy=1
    fi
    # The package lists are fetched only when apt does not know a package yet (a fresh machine).
    if ! apt-cache show "${missing[@]}" >/dev/null 2>&1; then
        say "apt-get update"
        apt-get update -qq || die "apt-get update failed"
    fi
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$LOG_DIR/apt-install.log" 2>&1 \
        || { tail -n 20 "$LOG_DIR/apt-install.log" >&2; die "apt-get install ${missing[*]} failed (log: $LOG_DIR/apt-install.log)"; }
    if ((own_policy)); then rm -f "$policy"; trap - EXIT; own_policy=0; fi
    say "installed: $(dpkg-query -W -f='${Package} ${Version}  ' "${missing[@]}")"
}

# ---------------------------------------------------------------- munge
start_munge() {
    local key=/etc/munge/munge.key
    if [[ ! -s "$key" ]]; then
        say "creating MUNGE key $key"
        install -d -o munge -g munge -m 0700 /etc/munge
        if command -v mungekey >/dev/null; then
            mungekey --create --keyfile="$key"
        else
            dd if=/dev/urandom of="$key" bs=1 count=1024 status=none
        fi
    fi
    # munged refuses a key that is readable by others or not owned by the user it runs as.
    chown munge:munge "$key"
    chmod 0400 "$key"

    if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
        if pid="$(recorded_pid munged)"; then
            say "munged already running (pid $pid, started by up.sh)"
        else
            say "munged already running (not started by up.sh; leaving it alone)"
        fi
        return
    fi
    rm -f "$PID_DIR/munged.pid"
    install -d -o munge -g munge -m 0755 /run/munge
    install -d -o munge -g munge -m 0700 /var/lib/munge /var/log/munge
    say "starting munged"
    # munged daemonizes itself and writes /run/munge/munged.pid; run it as the munge user.
    setpriv --reuid=munge --regid=munge --init-groups /usr/sbin/munged \
        || die "munged failed to start (see /var/log/munge/munged.log)"
    local i pid=""
    for ((i = 0; i < DAEMON_START_TIMEOUT_SECONDS * 4; i++)); do
        if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
            pid="$(tr -dc '0-9' </run/munge/munged.pid 2>/dev/null || true)"
            break
        fi
        sleep 0.25
    done
    pid_alive "$pid" munged || die "munged did not come up (see /var/log/munge/munged.log)"
    echo "$pid" >"$PID_DIR/munged.pid"
    say "munged running (pid $pid)"
}

# ---------------------------------------------------------------- slurm.conf
write_conf() {
    local host cpus mem_kb real_mb margin_mb
    host="$(hostname -s)"
    cpus="$(nproc)"
    mem_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
    # slurmd drains a node whose configured RealMemory exceeds what it measures, so leave 5%
    # (at least 256 MiB) for the OS and for the kernel's own rounding.
    real_mb=$((mem_kb / 1024))
    margin_mb=$((real_mb / 20 > 256 ? real_mb / 20 : 256))
    real_mb=$((real_mb - margin_mb))
    ((real_mb > 0)) || die "could not work out RealMemory from /proc/meminfo"

    # The node and controller are reached on loopback, whatever the host name resolves to.
    cat <<CONF
# Written by deploy/slurm/up.sh (HACA-sim): a one-node cluster for tests and CI. Rewritten on every run.
ClusterName=hacasim
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
# Debian ships no mail program by default; jobs here never send mail.
MailProg=/bin/true
# No cgroups: containers (and this sandbox) often cannot create them, and nothing here needs
# CPU or memory confinement. linuxproc tracks job processes through /proc.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# A returning node goes back into service by itself, even after it was set down for a fault.
ReturnToService=2
# Experiment shards are submitted as one array; allow large ones.
MaxArraySize=10001
MaxJobCount=20000
StateSaveLocation=${HACASIM_SLURM_DIR}/ctld
SlurmdSpoolDir=${HACASIM_SLURM_DIR}/spool
SlurmctldPidFile=${PID_DIR}/slurmctld.pid
SlurmdPidFile=${PID_DIR}/slurmd.pid
SlurmctldLogFile=${LOG_DIR}/slurmctld.log
SlurmdLogFile=${LOG_DIR}/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
SlurmctldTimeout=30
SlurmdTimeout=60
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${real_mb} State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF
}

# ---------------------------------------------------------------- slurm daemons
stop_recorded() {
    local name="$1" pid i
    pid="$(recorded_pid "$name")" || return 0
    say "stopping $name (pid $pid) to load the new configuration"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < DAEMON_START_TIMEOUT_SECONDS * 4; i++)); do
        pid_alive "$pid" "$name" || return 0
        sleep 0.25
    done
    die "$name (pid $pid) did not exit"
}

start_daemon() {
    local name="$1" pid i
    if pid="$(recorded_pid "$name")"; then
        say "$name already running (pid $pid)"
        return
    fi
    if pid="$(pgrep -x "$name" | head -n 1)" && [[ -n "$pid" ]]; then
        die "a $name not started by up.sh is running (pid $pid): stop it first, or use that cluster"
    fi
    rm -f "$PID_DIR/$name.pid"
    say "starting $name"
    # Both daemonize themselves and write the PID files named in slurm.conf.
    "/usr/sbin/$name" >>"$LOG_DIR/$name.stdout" 2>&1 </dev/null \
        || { tail -n 20 "$LOG_DIR/$name.log" >&2 2>/dev/null; die "$name failed to start (log: $LOG_DIR/$name.log)"; }
    for ((i = 0; i < DAEMON_START_TIMEOUT_SECONDS * 4; i++)); do
        if pid="$(recorded_pid "$name")"; then
            say "$name running (pid $pid)"
            return
        fi
        sleep 0.25
    done
    tail -n 20 "$LOG_DIR/$name.log" >&2 2>/dev/null || true
    die "$name did not come up within ${DAEMON_START_TIMEOUT_SECONDS}s (log: $LOG_DIR/$name.log)"
}

wait_for_idle() {
    local host state i resumed=0
    host="$(hostname -s)"
    say "waiting up to ${READY_TIMEOUT_SECONDS}s for node $host to be idle"
    for ((i = 0; i < READY_TIMEOUT_SECONDS * 2; i++)); do
        state="$(sinfo -h -n "$host" -o %T 2>/dev/null | head -n 1 || true)"
        case "$state" in
            idle | mixed | allocated | completing)
                say "node $host is $state: cluster ready (partition debug)"
                return ;;
            down | drained | draining | drain*)
                # Not '*'-suffixed: slurmd answers but the node is held; put it back in service.
                if ((resumed < 3)); then
                    say "node $host is $state ($(sinfo -h -n "$host" -o %E | head -n 1)); resuming it"
                    scontrol update nodename="$host" state=resume || true
                    resumed=$((resumed + 1))
                fi ;;
        esac
        sleep 0.5
    done
    sinfo -N -l >&2 || true
    tail -n 20 "$LOG_DIR/slurmd.log" >&2 2>/dev/null || true
    die "node $host not idle after ${READY_TIMEOUT_SECONDS}s (last state: '${state:-none}'; logs in $LOG_DIR)"
}

main() {
    say "HACA-sim local Slurm cluster: up (state in $HACASIM_SLURM_DIR)"
    install -d -m 0755 "$HACASIM_SLURM_DIR" "$PID_DIR" "$LOG_DIR" "$HACASIM_SLURM_DIR/spool"
    install -d -m 0700 "$HACASIM_SLURM_DIR/ctld"
    install_packages
    start_munge

    install -d -m 0755 /etc/slurm
    local new_conf changed=1
    new_conf="$(write_conf)"
    if [[ -f "$SLURM_CONF" ]] && [[ "$(cat "$SLURM_CONF")" == "$new_conf" ]]; then
        changed=0
    elif [[ -f "$SLURM_CONF" ]] && ! head -n 1 "$SLURM_CONF" | grep -q 'deploy/slurm/up.sh'; then
        cp -p "$SLURM_CONF" "$SLURM_CONF.before-hacasim"
        say "kept the previous $SLURM_CONF as $SLURM_CONF.before-hacasim"
    fi
    if ((changed)); then
        printf '%s\n' "$new_conf" >"$SLURM_CONF"
        chmod 0644 "$SLURM_CONF"
        say "wrote $SLURM_CONF"
        stop_recorded slurmd
        stop_recorded slurmctld
    else
        say "$SLURM_CONF unchanged"
    fi

    start_daemon slurmctld
    start_daemon slurmd
    wait_for_idle
}

main "$@"
