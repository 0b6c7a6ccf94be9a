// npm run eval — run every evaluation module in scripts/eval/ and print its
// report. A module exports one or more `async function evalXxx(): Promise<string>`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'eval');
const only = process.argv.slice(2);
let failed = false;
for (const file of readdirSync(dir).filter((f) => /\.ts$/.test(f) && !f.endsWith('.test.ts')).sort()) {
  if (only.length && !only.some((name) => file.includes(name))) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
  for (const [name, fn] of Object.entries(mod)) {
    if (!/^eval[A-Z]/.test(name) || typeof fn !== 'function') continue;
    try {
      process.stdout.write(`${await (fn as () => Promise<string>)()}\n\n`);
    } catch (e) {
      failed = true;
      process.stderr.write(`${file} ${name} failed: ${(e as Error).stack ?? e}\n`);
    }
  }
}
if (failed) process.exitCode = 1;
