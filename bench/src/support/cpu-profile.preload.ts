/**
 * Loaded into a service process (NODE_OPTIONS --require) when the benchmark profiles: records a
 * V8 CPU profile of the measured window only. The benchmark creates `<dir>/start` when the load
 * begins and `<dir>/stop` when it ends; the profile is written to `<dir>/<label>-<pid>.cpuprofile`.
 * A file trigger rather than a signal: the harness that starts services does not expose their pids,
 * and NestJS re-raises SIGTERM, so --cpu-prof's write-at-exit never happens.
 */
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { Session } from 'inspector';
import { join } from 'path';

const dir = process.env['BENCH_CPU_PROFILE_DIR'];
const label = process.env['BENCH_CPU_PROFILE_LABEL'] ?? 'process';

if (dir) {
  mkdirSync(dir, { recursive: true });
  const session = new Session();
  session.connect();
  let state: 'waiting' | 'recording' | 'done' = 'waiting';
  const timer = setInterval(() => {
    if (state === 'waiting' && existsSync(join(dir, 'start'))) {
      state = 'recording';
      session.post('Profiler.enable', () => session.post('Profiler.start'));
    } else if (state === 'recording' && existsSync(join(dir, 'stop'))) {
      state = 'done';
      clearInterval(timer);
      session.post('Profiler.stop', (err, result) => {
        if (!err)
          writeFileSync(
            join(dir, `${label}-${process.pid}.cpuprofile`),
            JSON.stringify(result.profile),
          );
        session.disconnect();
      });
    }
  }, 200);
  timer.unref();
}
