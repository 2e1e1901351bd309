export { EXIT, main, program } from "./main.js";
export { pseudonym } from "./pseudonym.js";
export { type Funnel, runScreen } from "./screen/run.js";
