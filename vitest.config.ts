import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@tiegraph/core": src("core"),
      "@tiegraph/lexicons": src("lexicons"),
      "@tiegraph/synth": src("synth"),
      "@tiegraph/io": src("io"),
      "@tiegraph/match": src("match"),
      "@tiegraph/model": src("model"),
      "@tiegraph/store": src("store"),
      "@tiegraph/dataset": src("dataset"),
      "@tiegraph/service": src("service"),
      "@tiegraph/server": src("server"),
    },
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "packages/web/test/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 60_000,
    pool: "forks",
  },
});
