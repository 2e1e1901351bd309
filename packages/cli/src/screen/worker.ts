import { parentPort } from "node:worker_threads";
import { runTask, type Task, type TaskOptions } from "./task.js";

/** A screening worker: takes tasks from the main thread, answers with progress and results. */
parentPort!.on("message", (m: { type: "task"; task: Task; options: TaskOptions }) => {
  runTask(m.task, m.options, (bytes, records) =>
    parentPort!.postMessage({ type: "progress", bytes, records }),
  ).then(
    (result) => parentPort!.postMessage({ type: "result", result }),
    (error: unknown) => {
      throw error;
    },
  );
});
