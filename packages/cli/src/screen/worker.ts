import { parentPort } from "node:worker_threads";
import { countNewlines } from "./count.js";
import { runTask, type Task, type TaskOptions } from "./task.js";

/** A job for a worker thread. */
export type Job =
  | { kind: "count"; id: number; file: string; start: number; end: number }
  | { kind: "task"; id: number; task: Task; options: TaskOptions };

/** A screening worker: takes jobs from the main thread, answers with progress and results. */
parentPort?.on("message", (job: Job) => {
  const done = (result: unknown) => parentPort!.postMessage({ type: "result", id: job.id, result });
  if (job.kind === "count") {
    done(countNewlines(job.file, job.start, job.end));
    return;
  }
  runTask(job.task, job.options, (bytes, records) =>
    parentPort!.postMessage({ type: "progress", bytes, records }),
  ).then(done, (error: unknown) => {
    throw error;
  });
});
