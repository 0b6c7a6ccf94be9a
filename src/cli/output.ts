// Writing results to stdout (kept apart from context.ts so light commands need not load the corpus code).
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
