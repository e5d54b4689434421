// Loaded into the bench's server process (node --require): samples its memory
// every 100 ms and answers the bench over IPC with the peak since the last
// reset and the CPU time used since then, so the server's own code needs
// nothing for it.
let peak = { rss: 0, heapUsed: 0 };
let cpuSince = process.cpuUsage();
function sample() {
	const { rss, heapUsed } = process.memoryUsage();
	peak = { rss: Math.max(peak.rss, rss), heapUsed: Math.max(peak.heapUsed, heapUsed) };
}
setInterval(sample, 100).unref();
process.on('message', (message) => {
	if (message === 'memory:reset') {
		peak = { rss: 0, heapUsed: 0 };
		cpuSince = process.cpuUsage();
	}
	if (message === 'memory:report') {
		sample();
		const { user, system } = process.cpuUsage(cpuSince);
		process.send({ memory: { ...peak, cpuMs: (user + system) / 1000 } });
	}
});
// The IPC channel must not keep a stopped server alive.
process.channel?.unref();
