// CPU time of the PostgreSQL backends serving one database on this machine,
// read from /proc (Linux): each backend's process title names its database.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** Milliseconds of CPU each backend of `database` has used so far, by pid; null where /proc cannot tell. */
export function backendCpu(database) {
	let pids;
	try {
		pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	} catch {
		return null;
	}
	const used = new Map();
	for (const pid of pids) {
		try {
			const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!title.startsWith('postgres: ') || !title.split(' ').includes(database)) continue;
			// Fields after the command name (which is in parentheses and may hold spaces): utime and stime are the 12th and 13th.
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND);
		} catch {
			// The process ended meanwhile.
		}
	}
	return used;
}

/** CPU the backends of `database` used between two readings of backendCpu (backends new since the first count from zero). */
export function cpuBetween(before, after) {
	if (!before || !after || after.size === 0) return null;
	let sum = 0;
	for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
	return sum;
}
