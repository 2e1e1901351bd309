import { execFile } from "node:child_process";

/** The built command, as a user runs it (`npm test` builds first). */
export const bin = new URL("../dist/bin.js", import.meta.url).pathname;

/**
 * Runs `tiegraph` with `args` without blocking the test runner's event loop, with a fixed pseudonym key
 * and `env` added to the environment.
 */
export function tiegraph(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, TIEGRAPH_PSEUDONYM_KEY: "test-key", ...env }, maxBuffer: 1 << 28 },
      (error, stdout, stderr) => resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
