// Preloaded with `node --import` where GNU time is missing: writes this process's CPU time and peak RSS at exit.
import { writeFileSync } from 'node:fs';

const file = process.env.AAD_USAGE_FILE;
if (file !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        maxRssBytes: usage.maxRSS * 1024,
      }),
    );
  });
}
