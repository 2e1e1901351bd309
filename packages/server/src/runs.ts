import type { Store } from "@tiegraph/store";
import type { Routes } from "./routes.js";

/** The screening-run routes: runs, redacted hits, reviews, reveals and the audit log. */
export function registerRunRoutes(_routes: Routes, _store: Store): void {}
