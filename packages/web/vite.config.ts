import { defineConfig } from "vite";

/** The web app: React through esbuild's automatic JSX runtime, relative asset paths for static hosts. */
export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { "/api": process.env.TIEGRAPH_API ?? "http://127.0.0.1:8421" } },
});
